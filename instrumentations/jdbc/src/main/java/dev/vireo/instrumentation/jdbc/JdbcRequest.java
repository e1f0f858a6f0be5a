package dev.vireo.instrumentation.jdbc;

import dev.vireo.instrumentation.api.semconv.db.DbBatchNames;
import dev.vireo.instrumentation.api.semconv.db.SqlQuery;

/**
 * One JDBC execution as the database conventions see it. Immutable, so the request of a prepared
 * statement is built once and reused for every execution.
 */
final class JdbcRequest {

  final JdbcConnectionInfo connection;
  final String queryText;
  /** The older {@code db.statement}: always sanitized (when sanitization is on); null unless asked for. */
  final String oldQueryText;
  final String querySummary;
  final String operationName;
  final String collectionName;
  final String storedProcedureName;
  final Long batchSize;

  private JdbcRequest(
      JdbcConnectionInfo connection,
      String queryText,
      String oldQueryText,
      String querySummary,
      String operationName,
      String collectionName,
      String storedProcedureName,
      Long batchSize) {
    this.connection = connection;
    this.queryText = queryText;
    this.oldQueryText = oldQueryText;
    this.querySummary = querySummary;
    this.operationName = operationName;
    this.collectionName = collectionName;
    this.storedProcedureName = storedProcedureName;
    this.batchSize = batchSize;
  }

  /** One statement; {@code query} null when the SQL is unknown. */
  static JdbcRequest single(JdbcConnectionInfo connection, SqlQuery query, String oldQueryText) {
    if (query == null) {
      return new JdbcRequest(connection, null, null, null, null, null, null, null);
    }
    return new JdbcRequest(
        connection,
        query.getQueryText(),
        oldQueryText,
        query.getQuerySummary(),
        query.getOperationName(),
        query.getCollectionName(),
        query.getStoredProcedureName(),
        null);
  }

  /** A prepared statement executed with {@code size} parameter sets (not 1). */
  JdbcRequest asBatch(long size) {
    return new JdbcRequest(
        connection,
        queryText,
        oldQueryText,
        DbBatchNames.of(querySummary),
        DbBatchNames.of(operationName),
        collectionName,
        storedProcedureName,
        size);
  }

  /** Several statements (sizes other than 1) with their texts already combined. */
  static JdbcRequest batch(
      JdbcConnectionInfo connection,
      String queryText,
      String oldQueryText,
      String sharedSummary,
      String sharedOperation,
      String sharedCollection,
      String sharedStoredProcedure,
      long size) {
    return new JdbcRequest(
        connection,
        queryText,
        oldQueryText,
        DbBatchNames.of(sharedSummary),
        DbBatchNames.of(sharedOperation),
        sharedCollection,
        sharedStoredProcedure,
        size);
  }
}
