package dev.vireo.instrumentation.api;

/**
 * The instrumentation scope (tracer and meter name) of a module's spans, derived from the module's
 * {@code name()}: {@code dev.vireo.<name>}. A module keeps its name in one constant, returned by
 * {@code name()} and passed here, so the two never drift apart.
 */
public final class InstrumentationScope {

  private static final String PREFIX = "dev.vireo.";

  private InstrumentationScope() {}

  public static String of(String moduleName) {
    return PREFIX + moduleName;
  }
}
