package dev.vireo.instrumentation.api.semconv.db;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Analysed SQL by text, so an application that runs the same statements again and again (the usual
 * case, also for prepare-execute-close per request) parses each once. Bounded: when full it is
 * emptied and fills again with what is in use, so a stream of distinct literal-laden statements
 * costs memory only up to the bound. Lock-free reads.
 */
final class SqlQueries {

  static final int MAX_ENTRIES = 1024;

  // [dialect][sanitized ? 1 : 0]
  private static final ConcurrentHashMap<String, SqlQuery>[][] CACHES = newCaches();

  private SqlQueries() {}

  static SqlQuery analyze(String sql, SqlDialect dialect, boolean sanitize) {
    if (sql == null) {
      return null;
    }
    ConcurrentHashMap<String, SqlQuery> cache = CACHES[dialect.ordinal()][sanitize ? 1 : 0];
    SqlQuery query = cache.get(sql);
    if (query == null) {
      query = SqlQueryAnalyzer.analyze(sql, dialect, sanitize);
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(sql, query);
    }
    return query;
  }

  @SuppressWarnings("unchecked")
  private static ConcurrentHashMap<String, SqlQuery>[][] newCaches() {
    ConcurrentHashMap<String, SqlQuery>[][] caches = new ConcurrentHashMap[SqlDialect.values().length][2];
    for (ConcurrentHashMap<String, SqlQuery>[] byDialect : caches) {
      byDialect[0] = new ConcurrentHashMap<>();
      byDialect[1] = new ConcurrentHashMap<>();
    }
    return caches;
  }
}
