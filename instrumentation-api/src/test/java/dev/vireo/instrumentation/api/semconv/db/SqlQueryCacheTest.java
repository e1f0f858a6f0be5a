package dev.vireo.instrumentation.api.semconv.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

/**
 * The cache of analysed SQL is bounded by the memory it retains. The tester's case: 1,000
 * distinct 100 KB statements left about 106 MB retained by a cache bounded by entry count.
 */
class SqlQueryCacheTest {

  private static final long MIB = 1024 * 1024;

  @Test
  void repeatedStatementIsAnalysedOnce() {
    SqlQueryCache cache = new SqlQueryCache(SqlQueryCache.DEFAULT_MAX_BYTES, SqlQueryCache.DEFAULT_MAX_CACHED_LENGTH);
    String sql = "SELECT name FROM items WHERE id = 7";
    SqlQuery first = cache.analyze(sql, SqlDialect.STANDARD, true);
    assertThat(first.getQueryText()).isEqualTo("SELECT name FROM items WHERE id = ?");
    assertThat(cache.analyze(new String(sql.toCharArray()), SqlDialect.STANDARD, true)).isSameAs(first);
    assertThat(cache.analyze(sql, SqlDialect.STANDARD, false).getQueryText()).isEqualTo(sql);
    assertThat(cache.estimatedBytes()).isGreaterThan(2L * 2 * sql.length());
  }

  @Test
  void longStatementsAreAnalysedButNotCached() {
    SqlQueryCache cache = new SqlQueryCache(SqlQueryCache.DEFAULT_MAX_BYTES, SqlQueryCache.DEFAULT_MAX_CACHED_LENGTH);
    String sql = statement(1, SqlQueryCache.DEFAULT_MAX_CACHED_LENGTH + 1);
    SqlQuery first = cache.analyze(sql, SqlDialect.STANDARD, true);
    assertThat(first.getQuerySummary()).isEqualTo("SELECT t");
    assertThat(cache.analyze(sql, SqlDialect.STANDARD, true)).isNotSameAs(first).isNotNull();
    assertThat(cache.estimatedBytes()).isZero();
  }

  @Test
  void estimateStartsOverAtTheBound() {
    SqlQueryCache cache = new SqlQueryCache(64 * 1024, 4096);
    for (int i = 0; i < 200; i++) {
      cache.analyze(statement(i, 2000), SqlDialect.STANDARD, true);
      assertThat(cache.estimatedBytes()).isLessThanOrEqualTo(64 * 1024);
    }
    assertThat(cache.estimatedBytes()).isGreaterThan(0);
  }

  @Test
  void thousandDistinctLargeStatementsRetainAtMostTheBound() {
    SqlQueryCache cache = new SqlQueryCache(SqlQueryCache.DEFAULT_MAX_BYTES, SqlQueryCache.DEFAULT_MAX_CACHED_LENGTH);
    long before = usedHeapAfterFullGc();
    for (int i = 0; i < 1000; i++) {
      cache.analyze(statement(i, 100 * 1024), SqlDialect.STANDARD, true); // 100 KB, never cached
    }
    for (int i = 0; i < 1000; i++) {
      cache.analyze(statement(i, 6 * 1024), SqlDialect.STANDARD, true); // 6 KB each: 24 MB estimated in all
    }
    long retained = usedHeapAfterFullGc() - before;
    System.out.printf(
        "SqlQueryCache: retained %.2f MiB after 1,000 x 100 KB + 1,000 x 6 KB distinct statements (estimate %.2f MiB)%n",
        retained / (double) MIB, cache.estimatedBytes() / (double) MIB);
    // the cache is still alive and holds entries: the bound, not a lost reference, keeps it small
    assertThat(cache.estimatedBytes()).isBetween(1L, SqlQueryCache.DEFAULT_MAX_BYTES);
    assertThat(retained).isLessThan(SqlQueryCache.DEFAULT_MAX_BYTES + 2 * MIB);
    java.lang.ref.Reference.reachabilityFence(cache);
  }

  /** A distinct statement of about {@code length} chars with its value inline. */
  private static String statement(int id, int length) {
    StringBuilder sql = new StringBuilder(length + 64).append("SELECT a FROM t WHERE id = ").append(id).append(" AND s IN (");
    while (sql.length() < length) {
      sql.append("'v").append(sql.length()).append("', ");
    }
    return sql.append("'end')").toString();
  }

  private static long usedHeapAfterFullGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      memory.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
