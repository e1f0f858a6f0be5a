package dev.vireo.instrumentation.jedis;

import dev.vireo.instrumentation.api.semconv.db.CommandBatch;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;

/** The commands a pipeline or transaction queued since its last {@code sync()} / {@code exec()}, and its connection. */
final class JedisBatch {

  final Connection connection;
  final CommandBatch<CommandArguments> commands;

  /** @param name {@code PIPELINE} or {@code MULTI} (a transaction), as the OpenTelemetry agent names the batch */
  JedisBatch(Connection connection, String name) {
    this.connection = connection;
    this.commands = new CommandBatch<>(name);
  }

  void add(CommandArguments command) {
    commands.add(command, JedisCommands.name(command));
  }
}
