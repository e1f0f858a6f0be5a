package dev.vireo.instrumentation.jdbc;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.common.SemconvStability;
import dev.vireo.instrumentation.api.semconv.db.DbClientInstrumenters;
import dev.vireo.instrumentation.api.semconv.db.DbQuerySanitization;
import dev.vireo.instrumentation.api.semconv.db.SqlDialect;
import dev.vireo.instrumentation.api.semconv.db.SqlQuery;
import dev.vireo.instrumentation.api.semconv.db.SqlQueryAnalyzer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.sql.Statement;
import java.util.List;

/**
 * One CLIENT span per statement execution. While it runs its context is current, so a pool's
 * statement delegating to the driver's (or a driver delegating internally) creates no second span.
 *
 * <p>{@code db.query.text}: the SQL of every statement is sanitized (unless switched off), a
 * prepared one too, since literals written inline next to its parameters are what sanitization is
 * for; {@code ...query-sanitization.parameterized.enabled=false} keeps a prepared statement's SQL
 * as written, the conventions' advice. The older {@code db.statement} ({@code database/dup}) is
 * sanitized in both cases, as it always was.
 * A prepared statement's SQL is analysed once, at its first execution.
 */
final class StatementSpans {

  static final Instrumenter<JdbcRequest, Void> INSTRUMENTER =
      DbClientInstrumenters.create("dev.vireo.jdbc", new JdbcAttributesGetter());

  static final VirtualField<Statement, StatementState> STATES = VirtualField.create();

  private static final boolean SANITIZE = DbQuerySanitization.isEnabled();
  private static final boolean SANITIZE_PARAMETERIZED = DbQuerySanitization.isEnabledForParameterized();
  private static final boolean EMIT_OLD = SemconvStability.emitOldDatabase();

  private StatementSpans() {}

  static void prepared(Object statement, String sql) {
    if (statement instanceof Statement && sql != null) {
      STATES.set((Statement) statement, new StatementState(sql));
    }
  }

  static void addedToBatch(Object statement, String sql) {
    if (!(statement instanceof Statement)) {
      return;
    }
    Statement jdbcStatement = (Statement) statement;
    StatementState state = STATES.get(jdbcStatement);
    if (state == null) {
      state = new StatementState(null);
      STATES.set(jdbcStatement, state);
    }
    state.add(sql);
  }

  static void batchCleared(Object statement) {
    if (statement instanceof Statement) {
      StatementState state = STATES.get((Statement) statement);
      if (state != null) {
        state.clearBatch();
      }
    }
  }

  static Object startSql(Object statement, String sql) {
    if (!(statement instanceof Statement)) {
      return null;
    }
    Context parent = Context.current();
    if (!INSTRUMENTER.shouldStart(parent, null)) {
      return null;
    }
    JdbcConnectionInfo connection = ConnectionInfos.of((Statement) statement);
    SqlQuery query = SqlQueries.analyze(sql, dialect(connection), SANITIZE);
    return start(parent, JdbcRequest.single(connection, query, EMIT_OLD ? textOf(query) : null).withSql(sql));
  }

  static Object startPrepared(Object statement) {
    if (!(statement instanceof Statement)) {
      return null;
    }
    Context parent = Context.current();
    if (!INSTRUMENTER.shouldStart(parent, null)) {
      return null;
    }
    return start(parent, preparedRequest((Statement) statement, STATES.get((Statement) statement)));
  }

  static Object startBatch(Object statement) {
    if (!(statement instanceof Statement)) {
      return null;
    }
    Statement jdbcStatement = (Statement) statement;
    // executeBatch empties the batch whether or not this execution gets a span (a delegating
    // pool statement and the driver's statement both collected it).
    StatementState state = STATES.get(jdbcStatement);
    int preparedCount = 0;
    List<String> sqls = null;
    if (state != null) {
      preparedCount = state.batchCount;
      sqls = state.batchSql;
      state.clearBatch();
    }
    Context parent = Context.current();
    if (!INSTRUMENTER.shouldStart(parent, null)) {
      return null;
    }
    JdbcRequest request;
    if (state != null && state.preparedSql != null && sqls == null) {
      JdbcRequest single = preparedRequest(jdbcStatement, state);
      request = preparedCount == 1 ? single : single.asBatch(preparedCount);
    } else {
      request = plainBatch(ConnectionInfos.of(jdbcStatement), sqls);
    }
    return start(parent, request);
  }

  static void end(Object call, Throwable thrown) {
    if (!(call instanceof Call)) {
      return;
    }
    Call running = (Call) call;
    running.scope.close();
    INSTRUMENTER.end(running.context, running.request, null, thrown);
  }

  /** Makes current a context in which no JDBC span starts; returns its scope. */
  static Object suppress() {
    return NoSpanScope.open();
  }

  static void unsuppress(Object scope) {
    if (scope instanceof Scope) {
      ((Scope) scope).close();
    }
  }

  private static Object start(Context parent, JdbcRequest request) {
    Context context = INSTRUMENTER.start(parent, request);
    return new Call(context, context.makeCurrent(), request);
  }

  private static JdbcRequest preparedRequest(Statement statement, StatementState state) {
    if (state == null || state.preparedSql == null) {
      return JdbcRequest.single(ConnectionInfos.of(statement), null, null); // prepared before the agent saw it
    }
    JdbcRequest request = state.preparedRequest;
    if (request == null) {
      JdbcConnectionInfo connection = ConnectionInfos.of(statement);
      SqlDialect dialect = dialect(connection);
      SqlQuery query = SqlQueries.analyze(state.preparedSql, dialect, SANITIZE_PARAMETERIZED);
      String oldText = null;
      if (EMIT_OLD) {
        oldText = textOf(SqlQueries.analyze(state.preparedSql, dialect, SANITIZE));
      }
      request = JdbcRequest.single(connection, query, oldText).withSql(state.preparedSql);
      state.preparedRequest = request;
    }
    return request;
  }

  private static JdbcRequest plainBatch(JdbcConnectionInfo connection, List<String> sqls) {
    if (sqls == null || sqls.isEmpty()) {
      return JdbcRequest.batch(connection, null, null, null, null, null, null, 0);
    }
    SqlDialect dialect = dialect(connection);
    if (sqls.size() == 1) {
      SqlQuery query = SqlQueries.analyze(sqls.get(0), dialect, SANITIZE);
      return JdbcRequest.single(connection, query, EMIT_OLD ? textOf(query) : null).withSql(sqls.get(0));
    }
    SqlQuery first = SqlQueries.analyze(sqls.get(0), dialect, SANITIZE);
    String text = first.getQueryText();
    String summary = first.getQuerySummary();
    String operation = first.getOperationName();
    String collection = first.getCollectionName();
    String procedure = first.getStoredProcedureName();
    StringBuilder texts = null;
    for (int i = 1; i < sqls.size(); i++) {
      SqlQuery query = SqlQueries.analyze(sqls.get(i), dialect, SANITIZE);
      summary = shared(summary, query.getQuerySummary());
      operation = shared(operation, query.getOperationName());
      collection = shared(collection, query.getCollectionName());
      procedure = shared(procedure, query.getStoredProcedureName());
      String queryText = query.getQueryText();
      if (texts == null && !equal(text, queryText)) {
        // texts differ: all of them, separated by "; " (up to the usual length bound)
        texts = new StringBuilder(text == null ? "" : text);
        for (int j = 1; j < i; j++) {
          appendBounded(texts, text);
        }
      }
      if (texts != null) {
        appendBounded(texts, queryText);
      }
    }
    String combined = texts == null ? text : texts.toString();
    return JdbcRequest.batch(
            connection, combined, EMIT_OLD ? combined : null, summary, operation, collection, procedure, sqls.size())
        .withSql(sqls);
  }

  private static void appendBounded(StringBuilder texts, String text) {
    if (texts.length() >= SqlQueryAnalyzer.MAX_QUERY_TEXT_LENGTH) {
      return;
    }
    texts.append("; ").append(text == null ? "" : text);
    if (texts.length() > SqlQueryAnalyzer.MAX_QUERY_TEXT_LENGTH) {
      texts.setLength(SqlQueryAnalyzer.MAX_QUERY_TEXT_LENGTH);
    }
  }

  private static String shared(String current, String next) {
    return current != null && current.equals(next) ? current : null;
  }

  private static boolean equal(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  private static String textOf(SqlQuery query) {
    return query == null ? null : query.getQueryText();
  }

  private static SqlDialect dialect(JdbcConnectionInfo connection) {
    return SqlDialect.forDbSystem(connection.getDbSystemName());
  }

  /** A running execution: what exit advice needs to end it. */
  static final class Call {
    final Context context;
    final Scope scope;
    final JdbcRequest request;

    Call(Context context, Scope scope, JdbcRequest request) {
      this.context = context;
      this.scope = scope;
      this.request = request;
    }
  }
}
