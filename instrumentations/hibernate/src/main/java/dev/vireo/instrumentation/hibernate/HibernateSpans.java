package dev.vireo.instrumentation.hibernate;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.orm.HibernateSpanNames;
import dev.vireo.instrumentation.api.semconv.orm.OrmOperation;
import io.opentelemetry.context.Context;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.Query;
import org.hibernate.query.spi.SqmQuery;

/**
 * Starts the spans of Hibernate 6 and 7's operations: session calls, query executions and commits, named by {@link
 * HibernateSpanNames}. Each start returns the operation, or null when none starts; {@link OrmOperation#end} ends it.
 */
final class HibernateSpans {

  static final Instrumenter<String, Void> INSTRUMENTER =
      OrmOperation.instrumenter(InstrumentationScope.of(HibernateModule.NAME));

  private static final HibernateSpanNames.EntityNameGuess GUESS = HibernateSpans::guessedEntityName;

  private HibernateSpans() {}

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
      AgentLog.debug("hibernate: session span not started: {}", t);
      return null;
    }
  }

  static OrmOperation startQueryExecution(Object query) {
    try {
      Context parent = Context.current();
      if (!OrmOperation.startsIn(INSTRUMENTER, parent)) {
        return null;
      }
      return OrmOperation.start(INSTRUMENTER, parent, HibernateSpanNames.query(queryText(query)));
    } catch (Throwable t) {
      AgentLog.debug("hibernate: query span not started: {}", t);
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
      AgentLog.debug("hibernate: commit span not started: {}", t);
      return null;
    }
  }

  private static String queryText(Object query) {
    if (query instanceof SqmQuery) {
      try {
        // a criteria query's getQueryString() is no query: its statement renders the HQL it stands for
        return ((SqmQuery) query).getSqmStatement().toHqlString();
      } catch (RuntimeException e) {
        // fall back to the query string
      }
    }
    return query instanceof Query ? ((Query<?>) query).getQueryString() : null;
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
