package dev.vireo.tooling.extension;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.tooling.config.ProvidedComponents;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurablePropagatorProvider;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The extensions of this run ({@code otel.javaagent.extensions}, env {@code OTEL_JAVAAGENT_EXTENSIONS}): the class
 * loader that finds instrumentation modules and SDK SPI implementations (the agent class loader itself when there are
 * none) and the jars it was built from.
 */
public final class Extensions {

  public static final String SETTING = "otel.javaagent.extensions";

  private final ClassLoader classLoader;
  private final List<File> jars;

  private Extensions(ClassLoader classLoader, List<File> jars) {
    this.classLoader = classLoader;
    this.jars = jars;
  }

  public static Extensions load(InstrumentationConfig config, ClassLoader agentLoader) {
    List<File> jars = ExtensionJars.resolve(config.getString(SETTING));
    if (jars.isEmpty()) {
      return new Extensions(agentLoader, Collections.<File>emptyList());
    }
    List<URL> urls = new ArrayList<>();
    List<File> usable = new ArrayList<>();
    for (File jar : jars) {
      try {
        urls.add(jar.toURI().toURL());
        usable.add(jar);
      } catch (MalformedURLException e) {
        VireoLog.warn("extension {} cannot be loaded ({}); skipped", jar, e.toString());
      }
    }
    return new Extensions(
        new ExtensionClassLoader(urls.toArray(new URL[0]), agentLoader), Collections.unmodifiableList(usable));
  }

  /** Where instrumentation modules and the SDK's SPI implementations are looked up. */
  public ClassLoader classLoader() {
    return classLoader;
  }

  public List<File> jars() {
    return jars;
  }

  /** For the start-up line: the jar paths, comma-separated. */
  public String describe() {
    List<String> paths = new ArrayList<>();
    for (File jar : jars) {
      paths.add(jar.getPath());
    }
    return String.join(", ", paths);
  }

  /** The sampler, propagator and exporter names that the extensions (and the agent) provide. */
  public ProvidedComponents providedComponents() {
    ProvidedComponents provided = new ProvidedComponents();
    if (jars.isEmpty()) {
      return provided;
    }
    for (String name : names(ConfigurableSamplerProvider.class, ConfigurableSamplerProvider::getName)) {
      provided.addSampler(name);
    }
    for (String name : names(ConfigurablePropagatorProvider.class, ConfigurablePropagatorProvider::getName)) {
      provided.addPropagator(name);
    }
    for (String name : names(ConfigurableSpanExporterProvider.class, ConfigurableSpanExporterProvider::getName)) {
      provided.addSpanExporter(name);
    }
    for (String name : names(ConfigurableMetricExporterProvider.class, ConfigurableMetricExporterProvider::getName)) {
      provided.addOtherExporter(name);
    }
    for (String name :
        names(ConfigurableLogRecordExporterProvider.class, ConfigurableLogRecordExporterProvider::getName)) {
      provided.addOtherExporter(name);
    }
    return provided;
  }

  /**
   * The names of every provider of {@code type} that can be instantiated; a broken one is skipped with a WARN (the
   * SDK's autoconfiguration will report it again if it is configured).
   */
  private <T> List<String> names(Class<T> type, Function<T, String> name) {
    List<String> result = new ArrayList<>();
    Iterator<T> found = ServiceLoader.load(type, classLoader).iterator();
    while (true) {
      try {
        if (!found.hasNext()) {
          return result;
        }
        result.add(name.apply(found.next()));
      } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
        VireoLog.warn("skipping a {} that cannot be loaded: {}", type.getSimpleName(), e.toString());
      }
    }
  }
}
