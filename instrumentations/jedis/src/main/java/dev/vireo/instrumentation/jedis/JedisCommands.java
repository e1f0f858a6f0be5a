package dev.vireo.instrumentation.jedis;

import dev.vireo.instrumentation.api.semconv.db.RedisCommandSanitizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.args.Rawable;

/** A Jedis command's name and text; its arguments hold the command itself first, then its arguments. */
final class JedisCommands {

  private JedisCommands() {}

  static String name(CommandArguments arguments) {
    return new String(arguments.getCommand().getRaw(), StandardCharsets.UTF_8);
  }

  /** The first argument after the command, null when there is none. */
  static byte[] firstArgument(CommandArguments arguments) {
    Iterator<Rawable> each = arguments.iterator();
    if (each.hasNext()) {
      each.next();
    }
    return each.hasNext() ? each.next().getRaw() : null;
  }

  static String queryText(CommandArguments arguments, boolean sanitize) {
    List<byte[]> args = new ArrayList<>(Math.max(0, arguments.size() - 1));
    Iterator<Rawable> each = arguments.iterator();
    if (each.hasNext()) {
      each.next(); // the command
    }
    while (each.hasNext()) {
      args.add(each.next().getRaw());
    }
    return RedisCommandSanitizer.queryText(name(arguments), args, sanitize);
  }
}
