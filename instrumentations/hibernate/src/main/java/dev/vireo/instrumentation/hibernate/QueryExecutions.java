package dev.vireo.instrumentation.hibernate;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.semconv.db.SqlDialect;
import dev.vireo.instrumentation.api.semconv.db.SqlQuery;
import dev.vireo.instrumentation.api.semconv.db.SqlQueryCache;
import io.opentelemetry.context.Context;
import org.hibernate.query.Query;
import org.hibernate.query.spi.SqmQuery;

/**
 * Spans of query executions ({@code list}, {@code getResultList}, {@code executeUpdate} ...), named by the query
 * summary of the database conventions, as the database spans are, computed from the query's HQL (a criteria query's
 * rendered as HQL) or a native query's SQL: {@code select com.shop.Order}. A query whose text yields no summary is
 * named {@code hibernate}.
 */
final class QueryExecutions {

  static final String UNNAMED = "hibernate";

  private QueryExecutions() {}

  /** The started operation, or null when none starts. */
  static HibernateOperation start(Object query) {
    try {
      Context parent = Context.current();
      if (!HibernateOperation.startsIn(parent)) {
        return null;
      }
      return HibernateOperation.start(parent, spanName(queryText(query)));
    } catch (Throwable t) {
      AgentLog.debug("hibernate: query span not started: {}", t);
      return null;
    }
  }

  static String spanName(String queryText) {
    // the analysis is cached by text, shared with the JDBC spans
    SqlQuery analysed = SqlQueryCache.shared().analyze(queryText, SqlDialect.STANDARD, false);
    String summary = analysed == null ? null : analysed.getQuerySummary();
    return summary == null ? UNNAMED : summary;
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
}
