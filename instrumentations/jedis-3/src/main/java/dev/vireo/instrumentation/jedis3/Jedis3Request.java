package dev.vireo.instrumentation.jedis3;

import dev.vireo.instrumentation.api.semconv.db.CommandBatch;
import java.util.Collections;
import java.util.List;

/**
 * One sent command, or a pipeline's or transaction's batch of commands, with its connection's server and database at
 * that moment.
 */
final class Jedis3Request {

  final List<Jedis3Command> commands;
  /** The command all commands share, null when they differ. */
  final String operation;
  /** The number of commands of a batch; null for one command. */
  final Long batchSize;
  /** What the batch is called ({@code PIPELINE}, {@code MULTI}); null for one command. */
  final String batchName;
  final String address;
  final int port;
  final String database;
  /** The IP address and port the connection's socket was connected to when the reply came; null before. */
  String peerAddress;
  Integer peerPort;

  private Jedis3Request(List<Jedis3Command> commands, String operation, Long batchSize, String batchName,
      String address, int port, String database) {
    this.commands = commands;
    this.operation = operation;
    this.batchSize = batchSize;
    this.batchName = batchName;
    this.address = address;
    this.port = port;
    this.database = database;
  }

  static Jedis3Request command(Jedis3Command command, String address, int port, String database) {
    return new Jedis3Request(Collections.singletonList(command), command.name, null, null, address, port, database);
  }

  static Jedis3Request batch(CommandBatch<Jedis3Command> batch, String address, int port, String database) {
    return new Jedis3Request(
        batch.commands(), batch.sharedName(), batch.batchSize(), batch.name(), address, port, database);
  }
}
