package dev.vireo.tooling.sdk;

import dev.vireo.instrumentation.api.VireoVersion;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileReader;
import java.util.Locale;

/**
 * Resource attributes Vireo adds under what the user configured: the distribution, host, process,
 * runtime and OS, with the keys the OpenTelemetry agent uses. Read cheaply (no DNS lookup, no JMX) because it runs
 * at SDK start.
 */
final class RuntimeResource {

  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private RuntimeResource() {}

  static Resource create() {
    AttributesBuilder attributes = Attributes.builder();
    attributes.put("telemetry.distro.name", "vireo");
    attributes.put("telemetry.distro.version", VireoVersion.VERSION);
    String host = hostName();
    if (host != null) {
      attributes.put("host.name", host);
    }
    Long pid = pid();
    if (pid != null) {
      attributes.put(AttributeKey.longKey("process.pid"), pid);
    }
    String arch = System.getProperty("os.arch");
    if (arch != null && !arch.isEmpty()) {
      attributes.put("host.arch", arch);
    }
    String javaHome = System.getProperty("java.home");
    if (javaHome != null && !javaHome.isEmpty()) {
      attributes.put("process.executable.path", executablePath(javaHome, System.getProperty("os.name", "")));
    }
    attributes.put("process.runtime.name", System.getProperty("java.runtime.name", "unknown"));
    attributes.put("process.runtime.version", System.getProperty("java.runtime.version", "unknown"));
    attributes.put(
        "process.runtime.description",
        System.getProperty("java.vm.vendor", "") + " " + System.getProperty("java.vm.name", "") + " "
            + System.getProperty("java.vm.version", ""));
    attributes.put("os.type", osType(System.getProperty("os.name", "")));
    attributes.put("os.description", System.getProperty("os.name", "") + " " + System.getProperty("os.version", ""));
    String osVersion = System.getProperty("os.version");
    if (osVersion != null && !osVersion.isEmpty()) {
      attributes.put("os.version", osVersion);
    }
    // Not process.command_args / command_line, which the OpenTelemetry agent adds: every -D of the command line,
    // passwords included, would go to the backend with every batch.
    return Resource.create(attributes.build());
  }

  /** The {@code java} launcher under {@code java.home}, as the OpenTelemetry agent names it (not resolved further). */
  static String executablePath(String javaHome, String osName) {
    String launcher = osName.toLowerCase(Locale.ROOT).startsWith("windows") ? "java.exe" : "java";
    return javaHome + File.separator + "bin" + File.separator + launcher;
  }

  /** The default service name: the main jar's or main class's name, never empty. */
  static String defaultServiceName(String javaCommand) {
    if (javaCommand != null) {
      String first = javaCommand.trim().split("\\s+")[0];
      if (first.endsWith(".jar")) {
        String name = new File(first).getName();
        name = name.substring(0, name.length() - 4);
        if (!name.isEmpty()) {
          return name;
        }
      } else if (!first.isEmpty()) {
        int dot = first.lastIndexOf('.');
        return dot >= 0 && dot < first.length() - 1 ? first.substring(dot + 1) : first;
      }
    }
    return "unknown_service:java";
  }

  static String osType(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return "windows";
    } else if (os.startsWith("linux")) {
      return "linux";
    } else if (os.startsWith("mac")) {
      return "darwin";
    } else if (os.contains("freebsd")) {
      return "freebsd";
    } else if (os.contains("sunos") || os.contains("solaris")) {
      return "solaris";
    } else if (os.contains("aix")) {
      return "aix";
    }
    return os.isEmpty() ? "unknown" : os.split("\\s+")[0];
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isEmpty()) {
      return env;
    }
    File file = new File("/etc/hostname");
    if (file.canRead()) {
      try (BufferedReader reader = new BufferedReader(new FileReader(file))) {
        String line = reader.readLine();
        if (line != null && !line.trim().isEmpty()) {
          return line.trim();
        }
      } catch (Exception ignored) {
        // fall through
      }
    }
    String computer = System.getenv("COMPUTERNAME");
    return computer == null || computer.isEmpty() ? null : computer;
  }

  private static Long pid() {
    try {
      Class<?> processHandle = Class.forName("java.lang.ProcessHandle");
      Object current = processHandle.getMethod("current").invoke(null);
      return (Long) processHandle.getMethod("pid").invoke(current);
    } catch (Exception java8) {
      try {
        String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        return Long.parseLong(name.substring(0, name.indexOf('@')));
      } catch (Exception e) {
        return null;
      }
    }
  }
}
