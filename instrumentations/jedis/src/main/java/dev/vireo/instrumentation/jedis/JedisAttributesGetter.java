package dev.vireo.instrumentation.jedis;

import dev.vireo.instrumentation.api.semconv.db.DbCommandAttributesGetter;
import dev.vireo.instrumentation.api.semconv.db.RedisErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.exceptions.JedisDataException;

/** Hands a {@link JedisRequest}'s raw facts to the database conventions. */
final class JedisAttributesGetter implements DbCommandAttributesGetter<JedisRequest, Void> {

  @Override
  public String dbSystemName(JedisRequest request) {
    return "redis";
  }

  @Override
  public String dbNamespace(JedisRequest request) {
    return request.database;
  }

  @Override
  public String operationName(JedisRequest request) {
    return request.operation;
  }

  @Override
  public String collectionName(JedisRequest request) {
    return null;
  }

  @Override
  public Collection<String> queryTexts(JedisRequest request, boolean sanitize) {
    List<String> texts = new ArrayList<>(request.commands.size());
    for (CommandArguments command : request.commands) {
      texts.add(JedisCommands.queryText(command, sanitize));
    }
    return texts;
  }

  @Override
  public Long batchSize(JedisRequest request) {
    return request.batchSize;
  }

  @Override
  public String batchName(JedisRequest request) {
    return request.batchName;
  }

  @Override
  public String serverAddress(JedisRequest request) {
    return request.connection.address;
  }

  @Override
  public Integer serverPort(JedisRequest request) {
    return request.connection.port;
  }

  @Override
  public String networkPeerAddress(JedisRequest request, Void response) {
    return request.ended.peerAddress;
  }

  @Override
  public Integer networkPeerPort(JedisRequest request, Void response) {
    return request.ended.peerPort;
  }

  /** The server's error reply starts with its error code ({@code WRONGTYPE ...}). */
  @Override
  public String responseStatusCode(JedisRequest request, Void response, Throwable error) {
    return error instanceof JedisDataException ? RedisErrors.statusCode(error.getMessage()) : null;
  }
}
