package dev.vireo.instrumentation.jdbc;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.SpanFamily;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.db.DbClientInstrumenters;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.sql.Statement;
import java.util.List;

/**
 * One CLIENT span per statement execution. While it runs its context is current, so a pool's
 * statement delegating to the driver's (or a driver delegating internally) creates no second span.
 *
 * <p>The spans get the SQL as given and whether it is a prepared statement's; the database
 * conventions derive query text, summary and batch names from that.
 */
final class StatementSpans {

  static final Instrumenter<JdbcRequest, Void> INSTRUMENTER =
      DbClientInstrumenters.create(InstrumentationScope.of(JdbcModule.NAME), new JdbcAttributesGetter());

  static final VirtualField<Statement, StatementState> STATES = VirtualField.createInInjectedSlot();

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
    return start(parent, JdbcRequest.statement(ConnectionInfos.of((Statement) statement), sql));
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
      request = preparedRequest(jdbcStatement, state).asBatch(preparedCount);
    } else {
      request = JdbcRequest.batch(ConnectionInfos.of(jdbcStatement), sqls);
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
    return SpanFamily.DB_CLIENT.suppress();
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
      return JdbcRequest.prepared(ConnectionInfos.of(statement), null); // prepared before the agent saw it
    }
    JdbcRequest request = state.preparedRequest;
    if (request == null) {
      request = JdbcRequest.prepared(ConnectionInfos.of(statement), state.preparedSql);
      state.preparedRequest = request;
    }
    return request;
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
