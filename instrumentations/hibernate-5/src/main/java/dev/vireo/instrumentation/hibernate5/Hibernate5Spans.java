package dev.vireo.instrumentation.hibernate5;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.orm.HibernateSpanNames;
import dev.vireo.instrumentation.api.semconv.orm.OrmOperation;
import io.opentelemetry.context.Context;
import org.hibernate.Query;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.internal.CriteriaImpl;

/**
 * Starts the spans of Hibernate 5's operations: session calls, query and criteria executions and commits, named by
 * {@link HibernateSpanNames}. Each start returns the operation, or null when none starts; {@link OrmOperation#end}
 * ends it.
 */
final class Hibernate5Spans {

  static final Instrumenter<String, Void> INSTRUMENTER =
      OrmOperation.instrumenter(InstrumentationScope.of(Hibernate5Module.NAME));

  private static final HibernateSpanNames.EntityNameGuess GUESS = Hibernate5Spans::guessedEntityName;

  private Hibernate5Spans() {}

  static OrmOperation startSessionOperation(
      Object session, String method, String descriptor, Object arg0, Object arg1) {
    try {
      Context parent = Context.current();
      if (!OrmOperation.startsIn(INSTRUMENTER, parent)) {
        return null;
      }
      String entityName = HibernateSpanNames.entityName(session, descriptor, arg0, arg1, GUESS);
      return OrmOperation.start(INSTRUMENTER, parent, HibernateSpanNames.sessionOperation(method, entityName));
    } catch (Throwable t) {
      AgentLog.debug("hibernate-5: session span not started: {}", t);
      return null;
    }
  }

  static OrmOperation startQueryExecution(Object query) {
    try {
      Context parent = Context.current();
      if (!OrmOperation.startsIn(INSTRUMENTER, parent)) {
        return null;
      }
      String text = query instanceof Query ? ((Query<?>) query).getQueryString() : null;
      return OrmOperation.start(INSTRUMENTER, parent, HibernateSpanNames.query(text));
    } catch (Throwable t) {
      AgentLog.debug("hibernate-5: query span not started: {}", t);
      return null;
    }
  }

  static OrmOperation startCriteriaExecution(Object criteria, String method) {
    try {
      Context parent = Context.current();
      if (!OrmOperation.startsIn(INSTRUMENTER, parent)) {
        return null;
      }
      String entity = criteria instanceof CriteriaImpl ? ((CriteriaImpl) criteria).getEntityOrClassName() : null;
      return OrmOperation.start(INSTRUMENTER, parent, HibernateSpanNames.criteriaOperation(method, entity));
    } catch (Throwable t) {
      AgentLog.debug("hibernate-5: criteria span not started: {}", t);
      return null;
    }
  }

  static OrmOperation startCommit() {
    try {
      Context parent = Context.current();
      return OrmOperation.startsIn(INSTRUMENTER, parent)
          ? OrmOperation.start(INSTRUMENTER, parent, HibernateSpanNames.TRANSACTION_COMMIT)
          : null;
    } catch (Throwable t) {
      AgentLog.debug("hibernate-5: commit span not started: {}", t);
      return null;
    }
  }

  private static String guessedEntityName(Object session, Object entity) {
    if (!(session instanceof SharedSessionContractImplementor)) {
      return null;
    }
    try {
      return ((SharedSessionContractImplementor) session).bestGuessEntityName(entity);
    } catch (RuntimeException e) { // a closed session: the operation itself will say so
      return null;
    }
  }
}
