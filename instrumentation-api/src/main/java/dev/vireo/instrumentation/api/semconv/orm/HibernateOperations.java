package dev.vireo.instrumentation.api.semconv.orm;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.CurrentSpanCall;
import dev.vireo.instrumentation.api.Instrumenter;
import io.opentelemetry.context.Context;

/**
 * Starts the spans of one Hibernate instrumentation's operations (session calls, query and criteria executions,
 * commits), named by {@link HibernateSpanNames}, in the current context. A start returns the operation, or null
 * when none starts (inside another Hibernate operation, or when it fails: logged at debug, the application carries
 * on); {@link CurrentSpanCall#endIfStarted} ends it. The name is computed only for an operation that gets a span.
 */
public final class HibernateOperations {

  /** A query's HQL or SQL, read from the version's query object; may throw, may be null. */
  public interface QueryText {
    String of(Object query);
  }

  private final Instrumenter<String, Void> instrumenter;
  private final HibernateSpanNames.EntityNameGuess guess;
  private final QueryText queryText;

  public HibernateOperations(
      String instrumentationName, HibernateSpanNames.EntityNameGuess guess, QueryText queryText) {
    this.instrumenter = OrmOperationInstrumenters.create(instrumentationName);
    this.guess = guess;
    this.queryText = queryText;
  }

  public CurrentSpanCall<String> startSessionOperation(
      Object session, String method, String descriptor, Object arg0, Object arg1) {
    try {
      Context parent = Context.current();
      if (!instrumenter.shouldStart(parent, null)) { // before the name is computed
        return null;
      }
      String entityName = HibernateSpanNames.entityName(session, descriptor, arg0, arg1, guess);
      return CurrentSpanCall.start(instrumenter, parent, HibernateSpanNames.sessionOperation(method, entityName));
    } catch (Throwable t) {
      AgentLog.debug("hibernate: session span not started: {}", t);
      return null;
    }
  }

  public CurrentSpanCall<String> startQueryExecution(Object query) {
    try {
      Context parent = Context.current();
      if (!instrumenter.shouldStart(parent, null)) { // before the name is computed
        return null;
      }
      return CurrentSpanCall.start(instrumenter, parent, HibernateSpanNames.query(queryText.of(query)));
    } catch (Throwable t) {
      AgentLog.debug("hibernate: query span not started: {}", t);
      return null;
    }
  }

  /** A legacy {@code Criteria} query's execution (Hibernate 5); {@code entityName} may be null. */
  public CurrentSpanCall<String> startCriteriaExecution(String method, String entityName) {
    return start(HibernateSpanNames.criteriaOperation(method, entityName));
  }

  public CurrentSpanCall<String> startCommit() {
    return start(HibernateSpanNames.TRANSACTION_COMMIT);
  }

  private CurrentSpanCall<String> start(String name) {
    try {
      return CurrentSpanCall.start(instrumenter, Context.current(), name);
    } catch (Throwable t) {
      AgentLog.debug("hibernate: span {} not started: {}", name, t);
      return null;
    }
  }
}
