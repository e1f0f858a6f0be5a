package dev.vireo.instrumentation.hibernate;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.semconv.orm.HibernateOperations;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.Query;
import org.hibernate.query.spi.SqmQuery;

/** Hibernate 6 and 7's operations: what reads a query's text and guesses an entity's name on these versions. */
final class HibernateSpans {

  static final HibernateOperations OPERATIONS =
      new HibernateOperations(
          InstrumentationScope.of(HibernateModule.NAME), HibernateSpans::guessedEntityName, HibernateSpans::queryText);

  private HibernateSpans() {}

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
