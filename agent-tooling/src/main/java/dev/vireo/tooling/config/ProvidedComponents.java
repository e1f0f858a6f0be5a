package dev.vireo.tooling.config;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names of samplers, propagators and exporters that extensions provide through the SDK's autoconfiguration SPIs
 * ({@code ConfigurableSamplerProvider#getName()} ...): valid values that {@link ConfigValidation} must not replace.
 */
public final class ProvidedComponents {

  public static final ProvidedComponents NONE = new ProvidedComponents();

  final Set<String> samplers = new HashSet<>();
  final Set<String> propagators = new HashSet<>();
  final Set<String> spanExporters = new HashSet<>();
  final Set<String> otherExporters = new HashSet<>();

  public void addSampler(String name) {
    add(samplers, name);
  }

  public void addPropagator(String name) {
    add(propagators, name);
  }

  public void addSpanExporter(String name) {
    add(spanExporters, name);
  }

  /** A metric or log record exporter. */
  public void addOtherExporter(String name) {
    add(otherExporters, name);
  }

  private static void add(Set<String> names, String name) {
    if (name != null) {
      names.add(name.trim().toLowerCase(Locale.ROOT));
    }
  }
}
