package dev.vireo.instrumentation.api.semconv.db;

import io.opentelemetry.api.common.AttributeKey;

/** Attribute keys of the database client conventions: the stable ones and the older ones for {@code database/dup}. */
public final class DbAttributes {

  public static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
  public static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
  public static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
  public static final AttributeKey<String> DB_QUERY_SUMMARY = AttributeKey.stringKey("db.query.summary");
  public static final AttributeKey<String> DB_OPERATION_NAME = AttributeKey.stringKey("db.operation.name");
  public static final AttributeKey<String> DB_COLLECTION_NAME = AttributeKey.stringKey("db.collection.name");
  public static final AttributeKey<String> DB_STORED_PROCEDURE_NAME =
      AttributeKey.stringKey("db.stored_procedure.name");
  public static final AttributeKey<Long> DB_OPERATION_BATCH_SIZE = AttributeKey.longKey("db.operation.batch.size");
  public static final AttributeKey<String> DB_RESPONSE_STATUS_CODE = AttributeKey.stringKey("db.response.status_code");

  // The conventions before they were declared stable; the OpenTelemetry agent still emits these by default.
  public static final AttributeKey<String> OLD_DB_SYSTEM = AttributeKey.stringKey("db.system");
  public static final AttributeKey<String> OLD_DB_NAME = AttributeKey.stringKey("db.name");
  public static final AttributeKey<String> OLD_DB_STATEMENT = AttributeKey.stringKey("db.statement");
  public static final AttributeKey<String> OLD_DB_OPERATION = AttributeKey.stringKey("db.operation");
  public static final AttributeKey<String> OLD_DB_SQL_TABLE = AttributeKey.stringKey("db.sql.table");
  public static final AttributeKey<Long> OLD_DB_REDIS_DATABASE_INDEX = AttributeKey.longKey("db.redis.database_index");
  public static final AttributeKey<String> OLD_DB_MONGODB_COLLECTION = AttributeKey.stringKey("db.mongodb.collection");

  private DbAttributes() {}
}
