package dev.vireo.instrumentation.mongodb;

import com.mongodb.MongoCommandException;
import dev.vireo.instrumentation.api.semconv.db.DbCommandAttributesGetter;
import java.util.Collection;
import java.util.Collections;

/** Hands a {@link MongoRequest}'s raw facts to the database conventions. */
final class MongoAttributesGetter implements DbCommandAttributesGetter<MongoRequest, Void> {

  @Override
  public String dbSystemName(MongoRequest request) {
    return "mongodb";
  }

  @Override
  public String dbNamespace(MongoRequest request) {
    return request.database;
  }

  @Override
  public String operationName(MongoRequest request) {
    return request.operation;
  }

  @Override
  public String collectionName(MongoRequest request) {
    return request.collection;
  }

  @Override
  public Collection<String> queryTexts(MongoRequest request, boolean sanitize) {
    String text = MongoQueryText.of(request.command(), sanitize);
    return text == null ? null : Collections.singletonList(text);
  }

  @Override
  public Long batchSize(MongoRequest request) {
    return null;
  }

  @Override
  public String serverAddress(MongoRequest request) {
    return request.address;
  }

  @Override
  public Integer serverPort(MongoRequest request) {
    return request.port;
  }

  /** The server's error code ({@code 11000} for a duplicate key). */
  @Override
  public String responseStatusCode(MongoRequest request, Void response, Throwable error) {
    return error instanceof MongoCommandException
        ? Integer.toString(((MongoCommandException) error).getErrorCode())
        : null;
  }
}
