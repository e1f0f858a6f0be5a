package dev.vireo.instrumentation.jedis3;

import dev.vireo.instrumentation.api.semconv.db.DbCommandAttributesGetter;
import dev.vireo.instrumentation.api.semconv.db.RedisErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import redis.clients.jedis.exceptions.JedisDataException;

/** Hands a {@link Jedis3Request}'s raw facts to the database conventions. */
final class Jedis3AttributesGetter implements DbCommandAttributesGetter<Jedis3Request, Void> {

  @Override
  public String dbSystemName(Jedis3Request request) {
    return "redis";
  }

  @Override
  public String dbNamespace(Jedis3Request request) {
    return request.database;
  }

  @Override
  public String operationName(Jedis3Request request) {
    return request.operation;
  }

  @Override
  public String collectionName(Jedis3Request request) {
    return null;
  }

  @Override
  public Collection<String> queryTexts(Jedis3Request request, boolean sanitize) {
    List<String> texts = new ArrayList<>(request.commands.size());
    for (Jedis3Command command : request.commands) {
      texts.add(command.queryText(sanitize));
    }
    return texts;
  }

  @Override
  public Long batchSize(Jedis3Request request) {
    return request.batchSize;
  }

  @Override
  public String batchName(Jedis3Request request) {
    return request.batchName;
  }

  @Override
  public String serverAddress(Jedis3Request request) {
    return request.address;
  }

  @Override
  public Integer serverPort(Jedis3Request request) {
    return request.port > 0 ? request.port : null;
  }

  @Override
  public String networkPeerAddress(Jedis3Request request, Void response) {
    return request.peerAddress;
  }

  @Override
  public Integer networkPeerPort(Jedis3Request request, Void response) {
    return request.peerPort;
  }

  /** The server's error reply starts with its error code ({@code WRONGTYPE ...}). */
  @Override
  public String responseStatusCode(Jedis3Request request, Void response, Throwable error) {
    return error instanceof JedisDataException ? RedisErrors.statusCode(error.getMessage()) : null;
  }
}
