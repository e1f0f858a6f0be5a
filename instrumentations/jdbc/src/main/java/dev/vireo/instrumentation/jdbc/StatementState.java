package dev.vireo.instrumentation.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * What the agent keeps about one Statement: the SQL it was prepared with (null for a plain
 * Statement), the request built from it at its first execution, and the batch being collected. A
 * JDBC statement is used by one thread at a time, so the fields need no synchronisation.
 */
final class StatementState {

  final String preparedSql;
  JdbcRequest preparedRequest;
  /** {@code addBatch()} calls (prepared) since the last execution or clear. */
  int batchCount;
  /** {@code addBatch(sql)} statements (plain) since the last execution or clear; null when none. */
  List<String> batchSql;

  StatementState(String preparedSql) {
    this.preparedSql = preparedSql;
  }

  void add(String sql) {
    if (sql == null) {
      batchCount++;
    } else {
      if (batchSql == null) {
        batchSql = new ArrayList<>();
      }
      batchSql.add(sql);
    }
  }

  void clearBatch() {
    batchCount = 0;
    batchSql = null;
  }
}
