package dev.vireo.instrumentation.api.semconv.db;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Analysed SQL by text, so an application that runs the same statements again and again (the
 * usual case, also for prepare-execute-close per request) parses each once.
 *
 * <p>Bounded by the memory it retains, not by its number of entries: each entry is charged an
 * estimate of its key, its results and the map's overhead; when the next entry would pass {@link
 * #DEFAULT_MAX_BYTES} the cache starts over empty and fills again with what is in use. A statement
 * longer than {@link #DEFAULT_MAX_CACHED_LENGTH} characters is analysed every time and never
 * cached: such statements are almost always generated with their values inline (so they repeat
 * rarely), and the analysis is linear anyway. Lock-free reads; a race while starting over only
 * loses entries.
 */
public final class SqlQueryCache {

  /** Estimated retained bytes above which the cache starts over. */
  public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;

  /** Statements longer than this (in chars) are not cached. */
  public static final int DEFAULT_MAX_CACHED_LENGTH = 8 * 1024;

  // Per entry: map node, SqlQuery, String headers of key and values (measured on a 64-bit JVM
  // with compressed oops, rounded up).
  private static final int ENTRY_OVERHEAD_BYTES = 256;

  private static final SqlQueryCache SHARED = new SqlQueryCache(DEFAULT_MAX_BYTES, DEFAULT_MAX_CACHED_LENGTH);

  private final long maxBytes;
  private final int maxCachedLength;
  private volatile Generation generation = new Generation();

  SqlQueryCache(long maxBytes, int maxCachedLength) {
    this.maxBytes = maxBytes;
    this.maxCachedLength = maxCachedLength;
  }

  /** The cache every instrumentation shares (one bound for the whole agent). */
  public static SqlQueryCache shared() {
    return SHARED;
  }

  /** {@link SqlQueryAnalyzer#analyze(String, SqlDialect, boolean)}, cached; null for null. */
  public SqlQuery analyze(String sql, SqlDialect dialect, boolean sanitize) {
    if (sql == null) {
      return null;
    }
    if (sql.length() > maxCachedLength) {
      return SqlQueryAnalyzer.analyze(sql, dialect, sanitize);
    }
    Generation current = generation;
    ConcurrentHashMap<String, SqlQuery> map = current.map(dialect, sanitize);
    SqlQuery query = map.get(sql);
    if (query != null) {
      return query;
    }
    query = SqlQueryAnalyzer.analyze(sql, dialect, sanitize);
    long cost = estimatedBytes(sql, query);
    if (current.bytes.addAndGet(cost) > maxBytes) {
      current = new Generation();
      generation = current;
      current.bytes.addAndGet(cost);
      map = current.map(dialect, sanitize);
    }
    map.put(sql, query);
    return query;
  }

  /** The current estimate of the retained bytes (for tests and the benchmark). */
  long estimatedBytes() {
    return generation.bytes.get();
  }

  static long estimatedBytes(String sql, SqlQuery query) {
    // Strings are charged two bytes per char: Latin-1 strings need only one, so this over-counts.
    long chars = sql.length();
    if (query != null) {
      String text = query.getQueryText();
      if (text != null && text != sql) {
        chars += text.length();
      }
      chars += length(query.getQuerySummary()) + length(query.getOperationName())
          + length(query.getCollectionName()) + length(query.getStoredProcedureName());
    }
    return ENTRY_OVERHEAD_BYTES + 2 * chars;
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }

  /** One fill of the cache: its maps and what they are charged. */
  private static final class Generation {
    final AtomicLong bytes = new AtomicLong();
    // [dialect][sanitized ? 1 : 0]
    @SuppressWarnings("unchecked")
    final ConcurrentHashMap<String, SqlQuery>[][] maps =
        new ConcurrentHashMap[SqlDialect.values().length][2];

    Generation() {
      for (ConcurrentHashMap<String, SqlQuery>[] byDialect : maps) {
        byDialect[0] = new ConcurrentHashMap<>();
        byDialect[1] = new ConcurrentHashMap<>();
      }
    }

    ConcurrentHashMap<String, SqlQuery> map(SqlDialect dialect, boolean sanitize) {
      return maps[(dialect == null ? SqlDialect.STANDARD : dialect).ordinal()][sanitize ? 1 : 0];
    }
  }
}
