package dev.vireo.instrumentation.r2dbc;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.db.DbClientInstrumenters;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;

/**
 * One CLIENT span per execution of a statement or batch: the state each statement collects until
 * it is executed, and the traced results publisher handed back from {@code execute()}. The spans get
 * the SQL as given, whether values travel as bindings and the batch size; the database conventions
 * derive query text, summary and batch names from that.
 */
final class ExecutionSpans {

  static final Instrumenter<R2dbcRequest, Void> INSTRUMENTER =
      DbClientInstrumenters.create(InstrumentationScope.of(R2dbcModule.NAME), new R2dbcAttributesGetter());

  private static final VirtualField<Object, StatementState> STATES = VirtualField.create();

  /** The execution each emitted result (and each result filtered from it) belongs to. */
  private static final VirtualField<Object, Execution> RESULTS = VirtualField.create();

  private ExecutionSpans() {}

  static void statementCreated(Object connection, String sql, Object statement) {
    if (connection instanceof Connection && statement instanceof Statement) {
      R2dbcConnectionInfo info = ConnectionInfos.of(connection);
      if (!knowsLess(info, statement)) {
        STATES.set(statement, StatementState.statement(info, sql));
      }
    }
  }

  static void batchCreated(Object connection, Object batch) {
    if (connection instanceof Connection && batch instanceof Batch) {
      R2dbcConnectionInfo info = ConnectionInfos.of(connection);
      if (!knowsLess(info, batch)) {
        STATES.set(batch, StatementState.batch(info));
      }
    }
  }

  /**
   * Whether a delegating connection (a pool's) knows less than the driver's connection that made
   * the statement it hands out: the driver's advice ran first, with the options of its factory,
   * while a pool made in code has none.
   */
  private static boolean knowsLess(R2dbcConnectionInfo info, Object statementOrBatch) {
    if (info.fromOptions) {
      return false;
    }
    StatementState inner = STATES.get(statementOrBatch);
    return inner != null && inner.connection.fromOptions;
  }

  static void bound(Object statement) {
    StatementState state = STATES.get(statement);
    if (state != null) {
      state.bound = true;
    }
  }

  static void bindingsAdded(Object statement) {
    StatementState state = STATES.get(statement);
    if (state != null) {
      state.bindingsAdded();
    }
  }

  static void sqlAdded(Object batch, String sql) {
    StatementState state = STATES.get(batch);
    if (state != null && state.batchSql != null && sql != null) {
      state.batchSql.add(sql);
    }
  }

  /** The results publisher traced per subscription; the original when the statement is unknown. */
  static Object traced(Object statementOrBatch, Object results) {
    if (!(results instanceof Publisher)) {
      return results;
    }
    StatementState state = STATES.get(statementOrBatch);
    if (state == null) {
      return results; // a wrapper's statement, or created before the agent saw it
    }
    @SuppressWarnings("unchecked")
    Publisher<Object> source = (Publisher<Object>) results;
    return ReactorAdapters.asTypeOf(results, new TracedExecution(source, state.execution()));
  }

  static void resultEmitted(Object result, Execution execution) {
    try {
      RESULTS.set(result, execution);
    } catch (Throwable t) {
      // never into the application's stream
    }
  }

  /** {@code Result.filter}: the filtered result belongs to the same execution. */
  static void resultDerived(Object result, Object derived) {
    if (derived != null && derived != result) {
      Execution execution = RESULTS.get(result);
      if (execution != null) {
        RESULTS.set(derived, execution);
      }
    }
  }

  /** A result's rows or count publisher, watched for its execution; the original when not traced. */
  static Object consumption(Object result, Object values) {
    if (!(values instanceof Publisher)) {
      return values;
    }
    Execution execution = RESULTS.get(result);
    if (execution == null) {
      return values;
    }
    @SuppressWarnings("unchecked")
    Publisher<Object> source = (Publisher<Object>) values;
    return ReactorAdapters.asTypeOf(values, new ResultConsumption(source, execution));
  }
}
