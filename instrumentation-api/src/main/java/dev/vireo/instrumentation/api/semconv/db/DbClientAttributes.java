package dev.vireo.instrumentation.api.semconv.db;

import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.ERROR_TYPE;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PEER_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PEER_PORT;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_PORT;

import dev.vireo.instrumentation.api.AttributesExtractor;
import dev.vireo.instrumentation.api.semconv.common.ErrorTypes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;

/**
 * The database client span attributes, written once for every database client library: the stable
 * keys always, the older keys as well when {@code otel.semconv-stability.opt-in} contains {@code
 * database/dup}. {@code error.type} is the {@code db.response.status_code} when the database gave
 * one, else the exception's class name. {@code network.peer.*} are end attributes: a client connects
 * at its first operation, after that operation's span started.
 */
final class DbClientAttributes<REQUEST, RESPONSE> implements AttributesExtractor<REQUEST, RESPONSE> {

  private final DbClientAttributesGetter<REQUEST, RESPONSE> getter;
  private final DbOperationQuery<REQUEST> queries;
  private final boolean emitOld;

  DbClientAttributes(
      DbClientAttributesGetter<REQUEST, RESPONSE> getter, DbOperationQuery<REQUEST> queries, boolean emitOld) {
    this.getter = getter;
    this.queries = queries;
    this.emitOld = emitOld;
  }

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, REQUEST request) {
    String system = getter.dbSystemName(request);
    String namespace = getter.dbNamespace(request);
    putIfNotNull(attributes, DbAttributes.DB_SYSTEM_NAME, system);
    putIfNotNull(attributes, DbAttributes.DB_NAMESPACE, namespace);
    SqlQuery query = queries.query(request);
    putIfNotNull(attributes, DbAttributes.DB_QUERY_TEXT, query.getQueryText());
    putIfNotNull(attributes, DbAttributes.DB_QUERY_SUMMARY, query.getQuerySummary());
    putIfNotNull(attributes, DbAttributes.DB_STORED_PROCEDURE_NAME, query.getStoredProcedureName());
    if (queries.isCommand()) {
      // named by the client, not parsed from SQL: the conventions want them
      putIfNotNull(attributes, DbAttributes.DB_OPERATION_NAME, query.getOperationName());
      putIfNotNull(attributes, DbAttributes.DB_COLLECTION_NAME, query.getCollectionName());
    }
    Long batchSize = getter.batchSize(request);
    if (batchSize != null) {
      attributes.put(DbAttributes.DB_OPERATION_BATCH_SIZE, batchSize);
    }
    String address = getter.serverAddress(request);
    if (address != null) {
      attributes.put(SERVER_ADDRESS, address);
      Integer port = getter.serverPort(request);
      if (isPortWritten(getter, system, port)) {
        attributes.put(SERVER_PORT, (long) port);
      }
    }
    if (emitOld) {
      putIfNotNull(attributes, DbAttributes.OLD_DB_SYSTEM, DbSystemNames.oldName(system));
      if (queries.isCommand() && "redis".equals(system)) {
        putRedisDatabaseIndex(attributes, namespace); // the older Redis convention had no db.name
      } else {
        putIfNotNull(attributes, DbAttributes.OLD_DB_NAME, namespace);
      }
      if (queries.isCommand() && "mongodb".equals(system)) {
        putIfNotNull(attributes, DbAttributes.OLD_DB_MONGODB_COLLECTION, query.getCollectionName());
      }
      putIfNotNull(attributes, DbAttributes.OLD_DB_STATEMENT, queries.oldQueryText(request, query));
      putIfNotNull(attributes, DbAttributes.OLD_DB_OPERATION, query.getOperationName());
      if (!queries.isCommand()) {
        putIfNotNull(attributes, DbAttributes.OLD_DB_SQL_TABLE, query.getCollectionName());
      }
    }
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes, Context context, REQUEST request, RESPONSE response, Throwable error) {
    String peerAddress = getter.networkPeerAddress(request, response);
    if (peerAddress != null) {
      attributes.put(NETWORK_PEER_ADDRESS, peerAddress);
      Integer peerPort = getter.networkPeerPort(request, response);
      if (peerPort != null && peerPort > 0) {
        attributes.put(NETWORK_PEER_PORT, (long) peerPort);
      }
    }
    if (error == null) {
      return;
    }
    String statusCode = getter.responseStatusCode(request, response, error);
    if (statusCode != null) {
      attributes.put(DbAttributes.DB_RESPONSE_STATUS_CODE, statusCode);
      attributes.put(ERROR_TYPE, statusCode);
    } else {
      attributes.put(ERROR_TYPE, ErrorTypes.of(error));
    }
  }

  /** The one rule for {@code server.port}, in the attributes and in the span name. */
  static boolean isPortWritten(DbClientAttributesGetter<?, ?> getter, String system, Integer port) {
    return getter.writesUsualPort() ? port != null && port > 0 : DbSystemNames.isPortWorthWriting(system, port);
  }

  private static void putRedisDatabaseIndex(AttributesBuilder attributes, String namespace) {
    if (namespace == null) {
      return;
    }
    try {
      attributes.put(DbAttributes.OLD_DB_REDIS_DATABASE_INDEX, Long.parseLong(namespace));
    } catch (NumberFormatException notAnIndex) {
      // not an index: nothing to say in the older convention
    }
  }

  private static void putIfNotNull(AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
