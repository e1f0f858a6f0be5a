package dev.vireo.instrumentation.jedis3;

import dev.vireo.instrumentation.api.semconv.db.RedisCommandSanitizer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** One sent command, with its connection's server and database at that moment. */
final class Jedis3Request {

  final String command;
  final List<byte[]> args;
  final String address;
  final int port;
  final String database;
  /** The IP address and port the connection's socket was connected to when the reply came; null before. */
  String peerAddress;
  Integer peerPort;

  Jedis3Request(String command, byte[][] args, String address, int port, String database) {
    this.command = command;
    this.args = args == null ? Collections.<byte[]>emptyList() : Arrays.asList(args);
    this.address = address;
    this.port = port;
    this.database = database;
  }

  String queryText(boolean sanitize) {
    return RedisCommandSanitizer.queryText(command, args, sanitize);
  }
}
