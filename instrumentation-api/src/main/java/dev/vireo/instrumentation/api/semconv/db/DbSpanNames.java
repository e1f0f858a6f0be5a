package dev.vireo.instrumentation.api.semconv.db;

import dev.vireo.instrumentation.api.SpanNameExtractor;

/**
 * The database span name: {@code db.query.summary}, else the operation, else {@code
 * db.namespace}, else {@code db.system.name}.
 */
final class DbSpanNames<REQUEST> implements SpanNameExtractor<REQUEST> {

  private final DbClientAttributesGetter<REQUEST, ?> getter;

  DbSpanNames(DbClientAttributesGetter<REQUEST, ?> getter) {
    this.getter = getter;
  }

  @Override
  public String extract(REQUEST request) {
    String name = getter.querySummary(request);
    if (name == null) {
      name = getter.operationName(request);
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
