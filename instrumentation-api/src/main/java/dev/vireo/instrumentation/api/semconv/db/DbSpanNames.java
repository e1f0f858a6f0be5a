package dev.vireo.instrumentation.api.semconv.db;

import dev.vireo.instrumentation.api.SpanNameExtractor;
import io.opentelemetry.api.common.Attributes;

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
    return extract(request, Attributes.empty());
  }

  /** The summary comes from the start attributes, so the query is analysed once per operation. */
  @Override
  public String extract(REQUEST request, Attributes startAttributes) {
    String name = startAttributes.get(DbAttributes.DB_QUERY_SUMMARY);
    if (name == null) {
      name = queries.query(request).getOperationName();
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
