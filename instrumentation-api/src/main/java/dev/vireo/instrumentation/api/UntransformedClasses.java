package dev.vireo.instrumentation.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Classes no advice ever reaches, by name: the agent's own (and the OpenTelemetry Java agent's, when both run) and
 * those the user excludes with {@code otel.javaagent.exclude-classes}. The agent's installer ignores them; a module
 * that relies on its advice having run on a class (the reactor module's library publishers) asks here.
 */
public final class UntransformedClasses {

  /** Package prefixes of the agents' own classes. */
  public static final List<String> AGENT_PACKAGES =
      Collections.unmodifiableList(
          Arrays.asList(
              "dev.vireo.bootstrap.",
              "dev.vireo.tooling.",
              "dev.vireo.instrumentation.",
              // the OpenTelemetry Java agent's own classes (bootstrap ones included)
              "io.opentelemetry.javaagent."));

  /** The setting's name; each entry is a class name, or a prefix when it ends with {@code *}. */
  public static final String EXCLUDE_CLASSES = "otel.javaagent.exclude-classes";

  private UntransformedClasses() {}

  /**
   * Whether one {@code otel.javaagent.exclude-classes} entry names the class. Allocates nothing: the installer asks
   * this for every class the JVM loads while an exclusion is set.
   */
  public static boolean excludedBy(String pattern, String className) {
    return pattern.endsWith("*")
        ? className.regionMatches(0, pattern, 0, pattern.length() - 1)
        : className.equals(pattern);
  }

  /** Whether no advice reaches the class, with the given configuration's exclusions. */
  public static boolean contains(String className, InstrumentationConfig config) {
    for (String prefix : AGENT_PACKAGES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    for (String pattern : config.getList(EXCLUDE_CLASSES)) {
      if (excludedBy(pattern, className)) {
        return true;
      }
    }
    return false;
  }
}
