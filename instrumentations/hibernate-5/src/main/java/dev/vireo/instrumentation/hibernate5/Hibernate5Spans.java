package dev.vireo.instrumentation.hibernate5;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.semconv.orm.HibernateOperations;
import dev.vireo.instrumentation.api.CurrentSpanCall;
import org.hibernate.Query;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.internal.CriteriaImpl;

/**
 * Hibernate 5's operations: what reads a query's text (as written), a criteria's entity and guesses an entity's name
 * on these versions.
 */
final class Hibernate5Spans {

  static final HibernateOperations OPERATIONS =
      new HibernateOperations(
          InstrumentationScope.of(Hibernate5Module.NAME),
          Hibernate5Spans::guessedEntityName,
          query -> query instanceof Query ? ((Query<?>) query).getQueryString() : null);

  private Hibernate5Spans() {}

  static CurrentSpanCall<String> startCriteriaExecution(Object criteria, String method) {
    String entity = criteria instanceof CriteriaImpl ? ((CriteriaImpl) criteria).getEntityOrClassName() : null;
    return OPERATIONS.startCriteriaExecution(method, entity);
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
