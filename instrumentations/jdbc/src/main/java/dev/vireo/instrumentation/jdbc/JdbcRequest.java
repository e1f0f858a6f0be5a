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
  /** The SQL as written (a String, or the List of a batch), never exported: see {@link #rawSql()}. */
  private Object sql;

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

  /** Sets the SQL as written (a String or a List of them); returns this. */
  JdbcRequest withSql(Object sql) {
    this.sql = sql;
    return this;
  }

  /** The SQL as written, several joined by "; ": for sanitizing a database's error message. */
  String rawSql() {
    Object written = sql;
    if (written instanceof java.util.List) {
      StringBuilder joined = new StringBuilder();
      for (Object one : (java.util.List<?>) written) {
        joined.append(joined.length() == 0 ? "" : "; ").append(one);
      }
      return joined.toString();
    }
    return (String) written;
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
        size).withSql(sql);
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
