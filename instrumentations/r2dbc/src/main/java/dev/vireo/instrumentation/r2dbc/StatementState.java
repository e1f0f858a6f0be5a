package dev.vireo.instrumentation.r2dbc;

import java.util.ArrayList;
import java.util.List;

/**
 * What the agent remembers of a statement or batch until it is executed: its connection, its SQL,
 * and how many sets of bindings it will execute with. Statements are used from one thread at a time
 * (the SPI's contract), so this needs no locking.
 */
final class StatementState {

  final R2dbcConnectionInfo connection;
  /** A statement's SQL; null for a batch. */
  final String statementSql;
  /** A batch's statements. */
  final List<String> batchSql;
  /** Sets saved by {@code Statement.add()}. */
  int addedSets;
  /** Whether a value was bound since the last {@code add()}. */
  boolean bound;

  private StatementState(R2dbcConnectionInfo connection, String statementSql, List<String> batchSql) {
    this.connection = connection;
    this.statementSql = statementSql;
    this.batchSql = batchSql;
  }

  static StatementState statement(R2dbcConnectionInfo connection, String sql) {
    return new StatementState(connection, sql, null);
  }

  static StatementState batch(R2dbcConnectionInfo connection) {
    return new StatementState(connection, null, new ArrayList<String>());
  }

  void bindingsAdded() {
    if (bound) {
      addedSets++;
      bound = false;
    }
  }

  /** The execution as asked for now; the bindings start over, as the drivers' do. */
  R2dbcRequest execution() {
    if (batchSql != null) {
      return R2dbcRequest.batch(connection, new ArrayList<>(batchSql));
    }
    int sets = addedSets + (bound ? 1 : 0);
    addedSets = 0;
    bound = false;
    return R2dbcRequest.statement(connection, statementSql, sets);
  }
}
