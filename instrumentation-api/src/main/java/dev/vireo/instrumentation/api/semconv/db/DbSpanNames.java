package dev.vireo.instrumentation.api.semconv.db;

import dev.vireo.instrumentation.api.SpanNameExtractor;
import io.opentelemetry.api.common.Attributes;

/**
 * The database span name, as the stable conventions order it: {@code db.query.summary}; else
 * {@code {operation} {target}}, the target being the collection, else the stored procedure, else
 * {@code db.namespace}, else {@code server.address[:server.port]}, the port only when it is written
 * as {@code server.port} (a MongoDB {@code find} on {@code users} is {@code find users}). Redis
 * commands name their server, never the database index, as the Redis conventions ask and the
 * OpenTelemetry agent does (a {@code GET} on 127.0.0.1:6379 is {@code GET 127.0.0.1}, on port 6380
 * {@code GET 127.0.0.1:6380}); without an operation {@code db.namespace}, else {@code db.system.name}.
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
    if (name != null) {
      return name;
    }
    // a command system's operation and collection are start attributes: its texts are written once
    String operation = startAttributes.get(DbAttributes.DB_OPERATION_NAME);
    String collection = startAttributes.get(DbAttributes.DB_COLLECTION_NAME);
    String procedure = null;
    if (operation == null) {
      SqlQuery query = queries.query(request);
      operation = query.getOperationName();
      collection = query.getCollectionName();
      procedure = query.getStoredProcedureName();
    }
    if (operation != null) {
      String target = target(request, collection, procedure);
      return target == null ? operation : operation + " " + target;
    }
    name = getter.dbNamespace(request);
    if (name == null) {
      name = getter.dbSystemName(request);
    }
    return name == null ? "DB" : name;
  }

  private String target(REQUEST request, String collection, String procedure) {
    String target = collection != null ? collection : procedure;
    String system = getter.dbSystemName(request);
    if (target == null && !"redis".equals(system)) {
      target = getter.dbNamespace(request);
    }
    if (target == null) {
      String address = getter.serverAddress(request);
      if (address != null) {
        Integer port = getter.serverPort(request);
        target = DbClientAttributes.isPortWritten(getter, system, port) ? address + ":" + port : address;
      }
    }
    return target;
  }
}
