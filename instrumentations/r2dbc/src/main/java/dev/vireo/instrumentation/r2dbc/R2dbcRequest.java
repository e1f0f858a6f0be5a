package dev.vireo.instrumentation.r2dbc;

import java.util.Collections;
import java.util.List;

/**
 * One R2DBC execution as the application asked for it: the connection, the SQL as given, whether
 * values travel as bindings, and the batch size. The database conventions derive the rest. Immutable:
 * taken when {@code execute()} is called, so later bindings of the same statement do not change it.
 */
final class R2dbcRequest {

  final R2dbcConnectionInfo connection;
  /** The SQL texts; empty when unknown. */
  final List<String> sql;
  final boolean parameterized;
  /** Null when not a batch (a batch of one is not). */
  final Long batchSize;

  private R2dbcRequest(R2dbcConnectionInfo connection, List<String> sql, boolean parameterized, Long batchSize) {
    this.connection = connection;
    this.sql = sql;
    this.parameterized = parameterized;
    this.batchSize = batchSize;
  }

  /** A statement executed with {@code bindingSets} sets of bindings (0: none, a plain statement). */
  static R2dbcRequest statement(R2dbcConnectionInfo connection, String sql, int bindingSets) {
    List<String> texts = sql == null ? Collections.<String>emptyList() : Collections.singletonList(sql);
    return new R2dbcRequest(connection, texts, bindingSets > 0, bindingSets > 1 ? (long) bindingSets : null);
  }

  /** A {@code Batch} of the statements added to it. */
  static R2dbcRequest batch(R2dbcConnectionInfo connection, List<String> sql) {
    return new R2dbcRequest(connection, sql, false, sql.size() == 1 ? null : (long) sql.size());
  }
}
