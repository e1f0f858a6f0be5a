package dev.vireo.instrumentation.lettuce;

import dev.vireo.instrumentation.lettuce.LettuceConnections.LettuceConnectionInfo;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.RedisCommand;

/** One dispatched command and the connection facts at that moment. */
final class LettuceRequest {

  final LettuceConnectionInfo connection;
  final String database;
  final String command;
  final RedisCommand<?, ?, ?> redisCommand;

  LettuceRequest(LettuceConnectionInfo connection, String command, RedisCommand<?, ?, ?> redisCommand) {
    this.connection = connection;
    this.database = connection.database;
    this.command = command;
    this.redisCommand = redisCommand;
  }

  String arguments() {
    CommandArgs<?, ?> args = redisCommand.getArgs();
    return args == null ? null : args.toCommandString();
  }
}
