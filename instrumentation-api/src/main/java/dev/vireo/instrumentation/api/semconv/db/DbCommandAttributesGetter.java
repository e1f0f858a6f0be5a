package dev.vireo.instrumentation.api.semconv.db;

import java.util.Collection;

/**
 * The raw facts of a database whose client names each operation itself instead of sending SQL: a
 * Redis command ({@code GET}), a MongoDB command ({@code find} on a collection). Nothing is parsed:
 * the operation and collection are what the client says, and each command is written as query text
 * by the system's own writer, which replaces values by {@code ?} when the conventions ask for
 * sanitization ({@link RedisCommandSanitizer} for Redis). Batch naming, the joining of a batch's
 * texts, span name, the stable/older keys and the sanitization switch stay with the conventions.
 */
public interface DbCommandAttributesGetter<REQUEST, RESPONSE> extends DbClientAttributesGetter<REQUEST, RESPONSE> {

  /**
   * {@code db.operation.name} as the client names it (e.g. {@code GET}); for a batch the operation
   * all its commands share, or null when they differ (the conventions then name it {@code BATCH}).
   */
  String operationName(REQUEST request);

  /**
   * What this system calls the batch {@link #batchSize} says this is, the conventions' "system specific term" in place
   * of {@code BATCH} (a Redis client's {@code PIPELINE} or {@code MULTI}, as the OpenTelemetry agent names them).
   */
  default String batchName(REQUEST request) {
    return DbBatchNames.BATCH;
  }

  /** {@code db.collection.name} (a MongoDB collection); null when the system has none. */
  String collectionName(REQUEST request);

  /**
   * Each command of the operation (one, or a batch's in order) written as query text; {@code
   * sanitize} says whether values are to be replaced by {@code ?}.
   */
  Collection<String> queryTexts(REQUEST request, boolean sanitize);

  /** Commands are not SQL: the SQL texts are never asked for. */
  @Override
  default Collection<String> rawQueryTexts(REQUEST request) {
    return null;
  }

  /** A command carries its values in its arguments: nothing is parameterized. */
  @Override
  default boolean isParameterizedQuery(REQUEST request) {
    return false;
  }
}
