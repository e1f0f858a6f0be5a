package dev.vireo.instrumentation.api;

/**
 * Whether the agent's circuit breaker is open: the JVM is short of memory or busy collecting
 * garbage, and no new span starts (the agent's monitor in tooling decides; see the README). Read
 * once per operation where spans start: one volatile read.
 */
public final class CircuitBreakerState {

  private static volatile boolean open;

  private CircuitBreakerState() {}

  public static boolean isOpen() {
    return open;
  }

  /** Called by the agent's monitor (and tests). */
  public static void setOpen(boolean isOpen) {
    open = isOpen;
  }
}
