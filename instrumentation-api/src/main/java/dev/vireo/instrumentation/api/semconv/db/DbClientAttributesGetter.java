package dev.vireo.instrumentation.api.semconv.db;

/**
 * What a database client instrumentation tells the shared database client conventions about one
 * operation. Return null for what is unknown; the conventions decide which keys are emitted.
 */
public interface DbClientAttributesGetter<REQUEST, RESPONSE> {

  /** {@code db.system.name}, e.g. {@code postgresql}; the older {@code db.system} is derived from it. */
  String dbSystemName(REQUEST request);

  /** {@code db.namespace} (and the older {@code db.name}). */
  String dbNamespace(REQUEST request);

  /** {@code db.query.text}, already sanitized where the conventions ask for it. */
  String queryText(REQUEST request);

  /**
   * The statement as the application wrote it (several joined by {@code "; "}), or null: never
   * exported; the family uses it to sanitize what a database echoes into its error messages.
   */
  default String rawQueryText(REQUEST request) {
    return null;
  }

  /**
   * The older {@code db.statement}: sanitized even for parameterized queries, as the older
   * conventions required. Only asked for under {@code database/dup}.
   */
  default String oldQueryText(REQUEST request) {
    return queryText(request);
  }

  /** {@code db.query.summary}, e.g. {@code SELECT orders customers}; for batches see {@link DbBatchNames}. */
  String querySummary(REQUEST request);

  /**
   * The operation, e.g. {@code SELECT}: a span name fallback and the older {@code db.operation}.
   * Not emitted as {@code db.operation.name} for SQL (several operations per query).
   */
  String operationName(REQUEST request);

  /** The single table of the query, for the older {@code db.sql.table}. */
  String collectionName(REQUEST request);

  /** {@code db.stored_procedure.name}. */
  String storedProcedureName(REQUEST request);

  /** {@code db.operation.batch.size}; null when the operation is not a batch (a batch of one is not). */
  Long batchSize(REQUEST request);

  String serverAddress(REQUEST request);

  /** {@code server.port}; null or non-positive when unknown. */
  Integer serverPort(REQUEST request);

  /**
   * {@code db.response.status_code} of a failed operation (e.g. a SQLSTATE or the vendor's error
   * number, as the system's conventions say), or null. Also used as {@code error.type}.
   */
  String responseStatusCode(REQUEST request, RESPONSE response, Throwable error);
}
