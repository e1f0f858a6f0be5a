/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.instrumentation.api.semconv.db;

/**
 * What {@link SqlQueryAnalyzer} extracted from one SQL string: the sanitized text and the parts
 * the database semantic conventions name. Immutable. Every getter may return {@code null} when
 * the value is not known.
 */
public final class SqlQuery {
  private final String queryText;
  private final String querySummary;
  private final String operationName;
  private final String collectionName;
  private final String storedProcedureName;

  SqlQuery(
      String queryText,
      String querySummary,
      String operationName,
      String collectionName,
      String storedProcedureName) {
    this.queryText = queryText;
    this.querySummary = querySummary;
    this.operationName = operationName;
    this.collectionName = collectionName;
    this.storedProcedureName = storedProcedureName;
  }

  /**
   * {@code db.query.text}: the statement with every literal replaced by {@code ?}, comments
   * removed, lists of literals after {@code IN} collapsed to {@code IN (?)}; at most {@link
   * SqlQueryAnalyzer#MAX_QUERY_TEXT_LENGTH} characters (unsanitized when so requested). {@code
   * null} only for a null input (or an internal analyzer failure, which would be a bug).
   */
  public String getQueryText() {
    return queryText;
  }

  /**
   * {@code db.query.summary}: operations and their targets in the order they appear, e.g. {@code
   * SELECT orders customers}, at most {@link SqlQueryAnalyzer#MAX_SUMMARY_LENGTH} characters;
   * {@code null} when the statement contains no recognised operation.
   */
  public String getQuerySummary() {
    return querySummary;
  }

  /**
   * The first operation of the statement as written (e.g. {@code SELECT}, {@code CREATE TABLE}).
   * Note that semconv says {@code db.operation.name} SHOULD NOT be set from parsed query text for
   * systems that allow several operations per query (SQL); this is offered for span names / old
   * conventions, the caller decides.
   */
  public String getOperationName() {
    return operationName;
  }

  /**
   * The one target when the statement has exactly one operation and exactly one target (e.g.
   * {@code orders} for {@code SELECT * FROM orders WHERE id = ?}), else {@code null}. The same
   * semconv caveat as for {@link #getOperationName()} applies to {@code db.collection.name}.
   */
  public String getCollectionName() {
    return collectionName;
  }

  /** {@code db.stored_procedure.name}: the target of the first CALL / EXEC / EXECUTE, else null. */
  public String getStoredProcedureName() {
    return storedProcedureName;
  }

  @Override
  public String toString() {
    return "SqlQuery{text="
        + queryText
        + ", summary="
        + querySummary
        + ", operation="
        + operationName
        + ", collection="
        + collectionName
        + ", storedProcedure="
        + storedProcedureName
        + '}';
  }
}
