package dev.vireo.instrumentation.api.semconv.db;

/**
 * What the conventions derive from a getter's raw query facts for one operation: the query as
 * {@code db.query.text} wants it (sanitized when sanitization is on, a parameterized text too unless
 * {@code ...query-sanitization.parameterized.enabled=false} keeps it as written, the conventions'
 * advice) and the older {@code db.statement}, sanitized in both cases as it always was.
 */
final class DbOperationQuery<REQUEST> {

  private final DbClientAttributesGetter<REQUEST, ?> getter;
  private final boolean sanitize;
  private final boolean sanitizeParameterized;

  DbOperationQuery(
      DbClientAttributesGetter<REQUEST, ?> getter, boolean sanitize, boolean sanitizeParameterized) {
    this.getter = getter;
    this.sanitize = sanitize;
    this.sanitizeParameterized = sanitize && sanitizeParameterized;
  }

  private boolean sanitizes(REQUEST request) {
    return getter.isParameterizedQuery(request) ? sanitizeParameterized : sanitize;
  }

  SqlQuery query(REQUEST request) {
    return SqlOperationQueries.of(
        getter.rawQueryTexts(request),
        dialect(request),
        sanitizes(request),
        getter.batchSize(request) != null);
  }

  /** The older {@code db.statement}. */
  String oldQueryText(REQUEST request, SqlQuery query) {
    if (!sanitize || sanitizes(request)) {
      return query.getQueryText();
    }
    return SqlOperationQueries.of(getter.rawQueryTexts(request), dialect(request), true, false).getQueryText();
  }

  private SqlDialect dialect(REQUEST request) {
    return SqlDialect.forDbSystem(getter.dbSystemName(request));
  }
}
