package dev.vireo.bootstrap;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Receives every Throwable that advice code lets out (Byte Buddy's suppression handler calls
 * {@link #report}). The application never sees it; the operator sees one WARN per instrumentation
 * module, and every occurrence in debug.
 */
public final class AdviceErrors {

  private static final ConcurrentHashMap<String, Boolean> REPORTED = new ConcurrentHashMap<>();

  private AdviceErrors() {}

  public static void report(Throwable error, String moduleName) {
    try {
      if (REPORTED.putIfAbsent(moduleName, Boolean.TRUE) == null) {
        VireoLog.warn(
            "instrumentation '{}' failed inside advice and was contained; the application is unaffected"
                + " (further failures of this instrumentation are logged at debug): {}",
            moduleName,
            error);
      } else {
        VireoLog.debug("instrumentation '{}' failed inside advice: {}", moduleName, error);
      }
    } catch (Throwable ignored) {
      // nothing may escape
    }
  }

  /** Modules that failed at least once; read by tests and the health MBean. */
  public static boolean hasFailed(String moduleName) {
    return REPORTED.containsKey(moduleName);
  }
}
