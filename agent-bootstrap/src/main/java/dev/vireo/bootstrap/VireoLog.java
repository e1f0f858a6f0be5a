package dev.vireo.bootstrap;

import java.io.PrintStream;

/**
 * The one logger of the agent. Lives on the bootstrap class loader so the premain, the tooling and
 * the instrumentation modules all share it. Quiet by default (INFO and above; debug with
 * {@code otel.javaagent.debug=true}); {@code otel.javaagent.logging=none} silences it completely.
 * Messages use {@code {}} placeholders; a trailing Throwable argument prints its stack trace in debug.
 */
public final class VireoLog {

  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  private static volatile Level threshold = initialThreshold();
  private static volatile boolean silent = "none".equalsIgnoreCase(read("otel.javaagent.logging"));
  private static volatile PrintStream out = System.err;

  private VireoLog() {}

  /** Applied once the full configuration (file, agent arguments) has been read. */
  public static void configure(boolean debug, boolean enabled) {
    threshold = debug ? Level.DEBUG : Level.INFO;
    silent = !enabled;
  }

  /** Tests redirect the output to assert on log lines. */
  public static void redirect(PrintStream stream) {
    out = stream;
  }

  public static boolean isDebugEnabled() {
    return !silent && threshold == Level.DEBUG;
  }

  public static void debug(String message, Object... args) {
    log(Level.DEBUG, message, args);
  }

  public static void info(String message, Object... args) {
    log(Level.INFO, message, args);
  }

  public static void warn(String message, Object... args) {
    log(Level.WARN, message, args);
  }

  public static void error(String message, Object... args) {
    log(Level.ERROR, message, args);
  }

  public static void log(Level level, String message, Object... args) {
    if (silent || level.ordinal() < threshold.ordinal()) {
      return;
    }
    try {
      StringBuilder line = new StringBuilder(64 + message.length());
      line.append('[');
      LogTimestamp.append(line, System.currentTimeMillis());
      line.append("] [vireo] ")
          .append(level.name())
          .append(' ');
      Throwable thrown = format(line, message, args);
      PrintStream stream = out;
      synchronized (stream) {
        stream.println(line);
        if (thrown != null && threshold == Level.DEBUG) {
          thrown.printStackTrace(stream);
        }
      }
    } catch (Throwable ignored) {
      // logging must never fail the caller
    }
  }

  private static Throwable format(StringBuilder line, String message, Object[] args) {
    int argIndex = 0;
    int from = 0;
    int at;
    while ((at = message.indexOf("{}", from)) >= 0) {
      line.append(message, from, at);
      line.append(argIndex < args.length ? String.valueOf(args[argIndex++]) : "{}");
      from = at + 2;
    }
    line.append(message, from, message.length());
    if (args.length > argIndex && args[args.length - 1] instanceof Throwable) {
      Throwable t = (Throwable) args[args.length - 1];
      if (argIndex < args.length) {
        line.append(": ").append(t);
      }
      return t;
    }
    return null;
  }

  private static Level initialThreshold() {
    return "true".equalsIgnoreCase(read("otel.javaagent.debug")) ? Level.DEBUG : Level.INFO;
  }

  private static String read(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(property.toUpperCase().replace('.', '_').replace('-', '_'));
    }
    return value;
  }
}
