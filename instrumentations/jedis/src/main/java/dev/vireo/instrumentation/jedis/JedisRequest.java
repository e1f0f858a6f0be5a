package dev.vireo.instrumentation.jedis;

import dev.vireo.instrumentation.api.semconv.db.CommandBatch;
import dev.vireo.instrumentation.jedis.JedisConnections.JedisConnectionInfo;
import java.util.Collections;
import java.util.List;
import redis.clients.jedis.CommandArguments;

/** One command, or a pipeline's or transaction's batch of commands, on one connection. */
final class JedisRequest {

  final JedisConnectionInfo connection;
  final String database;
  final List<CommandArguments> commands;
  /** The command all commands share, null when they differ. */
  final String operation;
  /** The number of commands of a batch; null for one command. */
  final Long batchSize;
  /** What the batch is called ({@code PIPELINE}, {@code MULTI}); null for one command. */
  final String batchName;
  /** The connection as it was when the request ended: the first command connects it. */
  JedisConnectionInfo ended;

  private JedisRequest(JedisConnectionInfo connection,
      List<CommandArguments> commands, String operation, Long batchSize, String batchName) {
    this.connection = connection;
    this.ended = connection;
    this.database = connection.database;
    this.commands = commands;
    this.operation = operation;
    this.batchSize = batchSize;
    this.batchName = batchName;
  }

  static JedisRequest command(JedisConnectionInfo connection, CommandArguments command) {
    return new JedisRequest(connection, Collections.singletonList(command), JedisCommands.name(command), null, null);
  }

  static JedisRequest batch(JedisConnectionInfo connection, JedisBatch batch) {
    CommandBatch<CommandArguments> commands = batch.commands;
    return new JedisRequest(
        connection, commands.commands(), commands.sharedName(), commands.batchSize(), commands.name());
  }
}
