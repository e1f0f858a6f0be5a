package dev.vireo.instrumentation.api.semconv.db;

/**
 * What the conventions derive from a getter's raw query facts for one operation: the query as
 * {@code db.query.text} wants it (a parameterized text kept as written, any other sanitized when
 * sanitization is on) and the older {@code db.statement}, sanitized in both cases as it always was.
 */
final class DbOperationQuery<REQUEST> {

  private final DbClientAttributesGetter<REQUEST, ?> getter;
  private final boolean sanitize;

  DbOperationQuery(DbClientAttributesGetter<REQUEST, ?> getter, boolean sanitize) {
    this.getter = getter;
    this.sanitize = sanitize;
  }

  SqlQuery query(REQUEST request) {
    return SqlOperationQueries.of(
        getter.rawQueryTexts(request),
        dialect(request),
        sanitize && !getter.isParameterizedQuery(request),
        getter.batchSize(request) != null);
  }

  /** The older {@code db.statement}. */
  String oldQueryText(REQUEST request, SqlQuery query) {
    if (!sanitize || !getter.isParameterizedQuery(request)) {
      return query.getQueryText();
    }
    return SqlOperationQueries.of(getter.rawQueryTexts(request), dialect(request), true, false).getQueryText();
  }

  private SqlDialect dialect(REQUEST request) {
    return SqlDialect.forDbSystem(getter.dbSystemName(request));
  }
}
