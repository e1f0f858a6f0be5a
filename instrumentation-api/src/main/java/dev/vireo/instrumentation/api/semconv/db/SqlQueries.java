package dev.vireo.instrumentation.api.semconv.db;

/** Analysed SQL through the DB family's shared cache (bounded by bytes, see {@link SqlQueryCache}). */
final class SqlQueries {

  private SqlQueries() {}

  static SqlQuery analyze(String sql, SqlDialect dialect, boolean sanitize) {
    return SqlQueryCache.shared().analyze(sql, dialect, sanitize);
  }
}
