package dev.vireo.instrumentation.jedis;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;

/**
 * The commands a pipeline or transaction queued since its last {@code sync()} / {@code exec()}.
 * Only the first {@link #MAX_KEPT} are kept for the query text (which is bounded anyway); all are
 * counted.
 */
final class JedisBatch {

  static final int MAX_KEPT = 256;

  final Connection connection;
  /** {@code PIPELINE} or {@code MULTI} (a transaction), as the OpenTelemetry agent names the batch. */
  final String kind;
  final List<CommandArguments> commands = new ArrayList<>();
  int count;
  String sharedName;

  JedisBatch(Connection connection, String kind) {
    this.connection = connection;
    this.kind = kind;
  }

  void add(CommandArguments command) {
    String name = JedisCommands.name(command);
    if (count == 0) {
      sharedName = name;
    } else if (sharedName != null && !sharedName.equals(name)) {
      sharedName = null;
    }
    count++;
    if (commands.size() < MAX_KEPT) {
      commands.add(command);
    }
  }
}
