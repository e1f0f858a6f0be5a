package dev.vireo.instrumentation.jedis3;

import dev.vireo.instrumentation.api.semconv.db.RedisCommandSanitizer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** One command as sent: its name and arguments. */
final class Jedis3Command {

  final String name;
  final List<byte[]> args;

  Jedis3Command(String name, byte[][] args) {
    this.name = name;
    this.args = args == null ? Collections.<byte[]>emptyList() : Arrays.asList(args);
  }

  String queryText(boolean sanitize) {
    return RedisCommandSanitizer.queryText(name, args, sanitize);
  }
}
