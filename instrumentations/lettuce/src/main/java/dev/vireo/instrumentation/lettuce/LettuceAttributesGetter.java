package dev.vireo.instrumentation.lettuce;

import dev.vireo.instrumentation.api.semconv.db.DbCommandAttributesGetter;
import dev.vireo.instrumentation.api.semconv.db.RedisCommandSanitizer;
import dev.vireo.instrumentation.api.semconv.db.RedisErrors;
import io.lettuce.core.RedisCommandExecutionException;
import java.util.Collection;
import java.util.Collections;

/** Hands a {@link LettuceRequest}'s raw facts to the database conventions. */
final class LettuceAttributesGetter implements DbCommandAttributesGetter<LettuceRequest, Void> {

  @Override
  public String dbSystemName(LettuceRequest request) {
    return "redis";
  }

  @Override
  public String dbNamespace(LettuceRequest request) {
    return request.database;
  }

  @Override
  public String operationName(LettuceRequest request) {
    return request.command;
  }

  @Override
  public String collectionName(LettuceRequest request) {
    return null;
  }

  @Override
  public Collection<String> queryTexts(LettuceRequest request, boolean sanitize) {
    return Collections.singletonList(RedisCommandSanitizer.queryText(
        request.command, LettuceArguments.split(request.arguments()), sanitize));
  }

  @Override
  public Long batchSize(LettuceRequest request) {
    return null;
  }

  @Override
  public String serverAddress(LettuceRequest request) {
    return request.connection.address;
  }

  @Override
  public Integer serverPort(LettuceRequest request) {
    return request.connection.port;
  }

  /** The agent's Lettuce spans keep 6379 ({@code GET 127.0.0.1:6379}), unlike its Jedis spans: so do these. */
  @Override
  public boolean writesUsualPort() {
    return true;
  }

  @Override
  public String networkPeerAddress(LettuceRequest request, Void response) {
    return request.connection.peerAddress;
  }

  @Override
  public Integer networkPeerPort(LettuceRequest request, Void response) {
    return request.connection.peerPort;
  }

  /** The server's error reply starts with its error code ({@code WRONGTYPE ...}). */
  @Override
  public String responseStatusCode(LettuceRequest request, Void response, Throwable error) {
    return error instanceof RedisCommandExecutionException ? RedisErrors.statusCode(error.getMessage()) : null;
  }
}
