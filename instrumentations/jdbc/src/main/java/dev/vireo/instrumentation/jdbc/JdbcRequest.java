package dev.vireo.instrumentation.jdbc;

import dev.vireo.instrumentation.api.semconv.db.JdbcConnectionInfo;
import java.util.Collections;
import java.util.List;

/**
 * One JDBC execution as the driver sees it: the connection, the SQL as given, whether it is a
 * prepared statement's, and the batch size. The database conventions derive the rest. Immutable, so
 * the request of a prepared statement is built once and reused for every execution.
 */
final class JdbcRequest {

  final JdbcConnectionInfo connection;
  /** The SQL texts; empty when unknown. */
  final List<String> sql;
  final boolean prepared;
  /** Null when not a batch (a batch of one is not). */
  final Long batchSize;

  private JdbcRequest(JdbcConnectionInfo connection, List<String> sql, boolean prepared, Long batchSize) {
    this.connection = connection;
    this.sql = sql;
    this.prepared = prepared;
    this.batchSize = batchSize;
  }

  /** A plain statement's SQL; null when unknown. */
  static JdbcRequest statement(JdbcConnectionInfo connection, String sql) {
    return new JdbcRequest(connection, textsOf(sql), false, null);
  }

  /** A prepared statement's SQL; null when it was prepared before the agent saw it. */
  static JdbcRequest prepared(JdbcConnectionInfo connection, String sql) {
    return new JdbcRequest(connection, textsOf(sql), true, null);
  }

  /** This prepared statement executed with {@code size} parameter sets. */
  JdbcRequest asBatch(int size) {
    return size == 1 ? this : new JdbcRequest(connection, sql, prepared, (long) size);
  }

  /** A plain statement's batch of {@code addBatch(sql)} texts; null or empty when none were added. */
  static JdbcRequest batch(JdbcConnectionInfo connection, List<String> sql) {
    if (sql == null) {
      return new JdbcRequest(connection, Collections.<String>emptyList(), false, 0L);
    }
    return new JdbcRequest(connection, sql, false, sql.size() == 1 ? null : (long) sql.size());
  }

  private static List<String> textsOf(String sql) {
    return sql == null ? Collections.<String>emptyList() : Collections.singletonList(sql);
  }
}
