package dev.vireo.instrumentation.api.semconv.db;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a Redis command as {@code db.query.text}: the command and its arguments separated by
 * spaces, with the arguments that may carry data replaced by {@code ?} as the OpenTelemetry agent
 * does. What a command keeps depends on the command: keys, counts, options and script names of
 * commands that carry no values are kept whole ({@code GET key}, {@code DEL k1 k2}); commands that
 * store values keep their leading keys and hide the rest ({@code SET key ?}, {@code HSET hash f1 ?
 * f2 ?}, {@code EVAL script 1 key ?}); a command not listed hides every argument ({@code AUTH ?}),
 * so a new command can leak nothing. Shared by every Redis client (Jedis, Lettuce, ...).
 */
public final class RedisCommandSanitizer {

  /** What a command keeps of its arguments. */
  private enum Rule {
    /** Every argument. */
    ALL,
    /** The first argument, then {@code ?} for each further one. */
    FIRST_ONE,
    FIRST_TWO,
    /** {@code MIGRATE host port key db timeout [COPY|REPLACE]...}: the first six, then hidden ({@code AUTH}). */
    FIRST_SIX,
    /** Field-value pairs from the first argument on: each field kept, each value hidden ({@code MSET}). */
    PAIRS,
    /** A key, then field-value pairs ({@code HSET}). */
    KEY_THEN_PAIRS,
    /** A stream key and an id, then field-value pairs ({@code XADD}). */
    TWO_THEN_PAIRS,
    /** A script (or its SHA), the key count and the keys kept, the script's arguments hidden. */
    SCRIPT
  }

  private static final Map<String, Rule> RULES = new HashMap<>();

  static {
    rule(Rule.ALL,
        // cluster, connection
        "CLUSTER", "READONLY", "READWRITE", "CLIENT", "ECHO", "PING", "QUIT", "SELECT",
        // geo
        "GEOADD", "GEODIST", "GEOHASH", "GEOPOS", "GEORADIUS", "GEORADIUS_RO", "GEORADIUSBYMEMBER",
        // hashes
        "HDEL", "HEXISTS", "HGET", "HGETALL", "HINCRBY", "HINCRBYFLOAT", "HKEYS", "HLEN", "HMGET", "HSCAN",
        "HSTRLEN", "HVALS",
        // hyperloglog
        "PFCOUNT", "PFMERGE",
        // keys
        "DEL", "DUMP", "EXISTS", "EXPIRE", "EXPIREAT", "KEYS", "MOVE", "OBJECT", "PERSIST", "PEXPIRE", "PEXPIREAT",
        "PTTL", "RANDOMKEY", "RENAME", "RENAMENX", "SCAN", "SORT", "TOUCH", "TTL", "TYPE", "UNLINK", "WAIT",
        // lists
        "BLMOVE", "BLPOP", "BRPOP", "BRPOPLPUSH", "LINDEX", "LLEN", "LMOVE", "LPOP", "LRANGE", "LTRIM", "RPOP",
        "RPOPLPUSH",
        // pub/sub, scripting
        "PSUBSCRIBE", "PUBSUB", "PUNSUBSCRIBE", "SUBSCRIBE", "UNSUBSCRIBE", "SCRIPT",
        // server
        "ACL", "BGREWRITEAOF", "BGSAVE", "COMMAND", "DBSIZE", "DEBUG", "FLUSHALL", "FLUSHDB", "INFO", "LASTSAVE",
        "LATENCY", "LOLWUT", "MEMORY", "MODULE", "MONITOR", "PSYNC", "REPLICAOF", "ROLE", "SAVE", "SHUTDOWN",
        "SLAVEOF", "SLOWLOG", "SWAPDB", "SYNC", "TIME",
        // sets
        "SCARD", "SDIFF", "SDIFFSTORE", "SINTER", "SINTERSTORE", "SMEMBERS", "SPOP", "SRANDMEMBER", "SSCAN",
        "SUNION", "SUNIONSTORE",
        // sorted sets
        "BZPOPMAX", "BZPOPMIN", "ZCARD", "ZINTER", "ZINTERSTORE", "ZPOPMAX", "ZPOPMIN", "ZRANGE",
        "ZREMRANGEBYRANK", "ZREVRANGE", "ZSCAN", "ZUNION", "ZUNIONSTORE",
        // streams
        "XACK", "XCLAIM", "XDEL", "XGROUP", "XINFO", "XLEN", "XPENDING", "XRANGE", "XREAD", "XREADGROUP",
        "XREVRANGE", "XTRIM",
        // strings
        "BITCOUNT", "BITFIELD", "BITOP", "BITPOS", "DECR", "DECRBY", "GET", "GETBIT", "GETRANGE", "INCR", "INCRBY",
        "INCRBYFLOAT", "MGET", "SETBIT", "STRALGO", "STRLEN",
        // transactions
        "DISCARD", "EXEC", "MULTI", "UNWATCH", "WATCH");
    rule(Rule.FIRST_ONE,
        "PFADD", "LPOS", "LPUSH", "LPUSHX", "LREM", "LSET", "RPUSH", "RPUSHX", "PUBLISH", "SADD", "SISMEMBER",
        "SMISMEMBER", "SREM", "ZADD", "ZCOUNT", "ZINCRBY", "ZLEXCOUNT", "ZMSCORE", "ZRANGEBYLEX", "ZRANGEBYSCORE",
        "ZRANK", "ZREM", "ZREMRANGEBYLEX", "ZREMRANGEBYSCORE", "ZREVRANGEBYLEX", "ZREVRANGEBYSCORE", "ZREVRANK",
        "ZSCORE", "APPEND", "GETSET", "SET", "SETNX", "SETRANGE");
    // HELLO may end in AUTH user password; CONFIG SET may set a password
    rule(Rule.FIRST_TWO,
        "HELLO", "HSETNX", "RESTORE", "LINSERT", "CONFIG", "SMOVE", "PSETEX", "SETEX");
    rule(Rule.FIRST_SIX, "MIGRATE");
    rule(Rule.PAIRS, "MSET", "MSETNX");
    rule(Rule.KEY_THEN_PAIRS, "HMSET", "HSET");
    rule(Rule.TWO_THEN_PAIRS, "XADD");
    rule(Rule.SCRIPT, "EVAL", "EVALSHA");
    // AUTH and every command not listed: all arguments hidden
  }

  private RedisCommandSanitizer() {}

  private static void rule(Rule rule, String... commands) {
    for (String command : commands) {
      RULES.put(command, rule);
    }
  }

  /**
   * The command as {@code db.query.text}.
   *
   * @param args the arguments after the command name: {@code byte[]} (read as UTF-8) or any object
   *     (its {@code toString()})
   * @param sanitize false to keep every argument
   */
  public static String queryText(String command, List<?> args, boolean sanitize) {
    Rule rule = sanitize ? RULES.get(command.toUpperCase(Locale.ROOT)) : Rule.ALL;
    StringBuilder text = new StringBuilder(command);
    int size = args == null ? 0 : args.size();
    int kept = keptBeforePairs(rule, args);
    boolean pairs = rule == Rule.PAIRS || rule == Rule.KEY_THEN_PAIRS || rule == Rule.TWO_THEN_PAIRS;
    for (int i = 0; i < size; i++) {
      text.append(' ');
      boolean keep = i < kept || (pairs && (i - kept) % 2 == 0);
      if (keep) {
        text.append(asText(args.get(i)));
      } else {
        text.append('?');
      }
    }
    return text.toString();
  }

  private static int keptBeforePairs(Rule rule, List<?> args) {
    if (rule == null) {
      return 0;
    }
    switch (rule) {
      case ALL:
        return Integer.MAX_VALUE;
      case FIRST_ONE:
      case KEY_THEN_PAIRS:
        return 1;
      case FIRST_TWO:
      case TWO_THEN_PAIRS:
        return 2;
      case FIRST_SIX:
        return 6;
      case SCRIPT:
        return 2 + scriptKeyCount(args);
      default:
        return 0;
    }
  }

  /** {@code EVAL script numkeys key... arg...}: the key count, 0 when it is not a number. */
  private static int scriptKeyCount(List<?> args) {
    if (args.size() <= 2) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(asText(args.get(1))));
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }

  private static String asText(Object arg) {
    if (arg instanceof byte[]) {
      return new String((byte[]) arg, StandardCharsets.UTF_8);
    }
    return String.valueOf(arg);
  }
}
