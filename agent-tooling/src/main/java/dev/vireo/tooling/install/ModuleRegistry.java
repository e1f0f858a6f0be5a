package dev.vireo.tooling.install;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** The instrumentation modules found by ServiceLoader that the configuration leaves enabled. */
public final class ModuleRegistry {

  private final Map<String, InstrumentationModule> enabled;

  private ModuleRegistry(Map<String, InstrumentationModule> enabled) {
    this.enabled = enabled;
  }

  public static ModuleRegistry load(ClassLoader agentLoader, InstrumentationConfig config) {
    boolean defaultEnabled = config.getBoolean("otel.instrumentation.common.default-enabled", true);
    Map<String, InstrumentationModule> enabled = new LinkedHashMap<>();
    Iterator<InstrumentationModule> found =
        ServiceLoader.load(InstrumentationModule.class, agentLoader).iterator();
    while (true) {
      InstrumentationModule module;
      try {
        if (!found.hasNext()) {
          break;
        }
        module = found.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        VireoLog.warn("skipping an instrumentation module that cannot be loaded: {}", e.toString());
        continue;
      }
      if (isEnabled(module, config, defaultEnabled)) {
        enabled.put(module.name(), module);
      } else {
        VireoLog.debug("instrumentation '{}' is disabled by configuration", module.name());
      }
    }
    return new ModuleRegistry(enabled);
  }

  static boolean isEnabled(InstrumentationModule module, InstrumentationConfig config, boolean defaultEnabled) {
    List<String> names = new ArrayList<>();
    names.add(module.name());
    names.addAll(module.aliases());
    for (String name : names) {
      String value = config.getString("otel.instrumentation." + name + ".enabled");
      if (value != null && !value.trim().isEmpty()) {
        return Boolean.parseBoolean(value.trim());
      }
    }
    return defaultEnabled && module.defaultEnabled();
  }

  public List<InstrumentationModule> modules() {
    return Collections.unmodifiableList(new ArrayList<>(enabled.values()));
  }

  public List<String> names() {
    return new ArrayList<>(enabled.keySet());
  }
}
