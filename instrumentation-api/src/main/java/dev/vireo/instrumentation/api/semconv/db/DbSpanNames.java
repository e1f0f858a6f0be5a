package dev.vireo.instrumentation.api.semconv.db;

import dev.vireo.instrumentation.api.SpanNameExtractor;

/**
 * The database span name: {@code db.query.summary}, else the operation, else {@code
 * db.namespace}, else {@code db.system.name}.
 */
final class DbSpanNames<REQUEST> implements SpanNameExtractor<REQUEST> {

  private final DbClientAttributesGetter<REQUEST, ?> getter;
  private final DbOperationQuery<REQUEST> queries;

  DbSpanNames(DbClientAttributesGetter<REQUEST, ?> getter, DbOperationQuery<REQUEST> queries) {
    this.getter = getter;
    this.queries = queries;
  }

  @Override
  public String extract(REQUEST request) {
    SqlQuery query = queries.query(request);
    String name = query.getQuerySummary();
    if (name == null) {
      name = query.getOperationName();
    }
    if (name == null) {
      name = getter.dbNamespace(request);
    }
    if (name == null) {
      name = getter.dbSystemName(request);
    }
    return name == null ? "DB" : name;
  }
}
