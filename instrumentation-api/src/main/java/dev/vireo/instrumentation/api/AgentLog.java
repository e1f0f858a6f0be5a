package dev.vireo.instrumentation.api;

/**
 * The agent logger, as instrumentation code sees it. Lines go to the one agent log (quiet by
 * default, {@code otel.javaagent.debug} for DEBUG): the tooling plugs that log in at start-up with
 * {@link #install}. Before then (unit tests of the API) lines are dropped. Messages use {@code {}}
 * placeholders; a trailing Throwable argument is appended and its stack trace printed in debug.
 */
public final class AgentLog {

  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  /** Where lines go; implemented once, by the tooling, over the agent's one log. */
  public interface Sink {
    boolean isDebugEnabled();

    void log(Level level, String message, Object... args);
  }

  private static final Sink DROP =
      new Sink() {
        @Override
        public boolean isDebugEnabled() {
          return false;
        }

        @Override
        public void log(Level level, String message, Object... args) {}
      };

  private static volatile Sink sink = DROP;

  private AgentLog() {}

  /** Called once by the agent installer. */
  public static void install(Sink agentLog) {
    sink = agentLog == null ? DROP : agentLog;
  }

  public static boolean isDebugEnabled() {
    return sink.isDebugEnabled();
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

  private static void log(Level level, String message, Object[] args) {
    try {
      sink.log(level, message, args);
    } catch (Throwable ignored) {
      // logging never fails the instrumented call
    }
  }
}
