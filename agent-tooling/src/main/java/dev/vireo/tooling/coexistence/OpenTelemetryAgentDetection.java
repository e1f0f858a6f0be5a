package dev.vireo.tooling.coexistence;

import java.io.File;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds the OpenTelemetry Java agent in this JVM, whichever of the two agents the JVM started
 * first. Started before Vireo, its premain has put its classes on the bootstrap class path; started
 * after, it is a later {@code -javaagent} argument whose jar's manifest names its premain class
 * (found by manifest, so a renamed jar is found too). Two agents would give every request two
 * SERVER spans that parent each other.
 */
public final class OpenTelemetryAgentDetection {

  static final String PREMAIN_CLASS = "io.opentelemetry.javaagent.OpenTelemetryAgent";
  static final String BOOTSTRAP_CLASS = "io.opentelemetry.javaagent.bootstrap.AgentInitializer";

  private OpenTelemetryAgentDetection() {}

  /**
   * "the OpenTelemetry Java agent 2.33.1 (/path/agent.jar)", or null when it is not attached.
   *
   * @param jvmArguments this JVM's arguments ({@code JvmArguments.read()})
   */
  public static String detect(File ownJar, List<String> jvmArguments) {
    return detect(ownJar, jvmArguments, bootstrapHas(BOOTSTRAP_CLASS));
  }

  static String detect(File ownJar, List<String> jvmArguments, boolean bootstrapClassPresent) {
    for (String argument : jvmArguments) {
      if (!argument.startsWith("-javaagent:")) {
        continue;
      }
      String path = argument.substring("-javaagent:".length());
      int options = path.indexOf('=');
      if (options >= 0) {
        path = path.substring(0, options);
      }
      File jar = new File(path);
      if (ownJar != null && sameFile(jar, ownJar)) {
        continue;
      }
      String version = openTelemetryAgentVersion(jar);
      if (version != null) {
        return "the OpenTelemetry Java agent" + (version.isEmpty() ? "" : " " + version) + " (" + path + ")";
      }
    }
    if (bootstrapClassPresent) {
      return "the OpenTelemetry Java agent (its class " + BOOTSTRAP_CLASS + " is on the bootstrap class path)";
    }
    return null;
  }

  /** The agent's version ("" when unknown) if {@code jar} is the OpenTelemetry Java agent, else null. */
  static String openTelemetryAgentVersion(File jar) {
    if (!jar.isFile()) {
      return null;
    }
    try (JarFile file = new JarFile(jar, false)) {
      Manifest manifest = file.getManifest();
      if (manifest == null) {
        return null;
      }
      Attributes main = manifest.getMainAttributes();
      if (!PREMAIN_CLASS.equals(trim(main.getValue("Premain-Class")))) {
        return null;
      }
      String version = trim(main.getValue("Implementation-Version"));
      return version == null ? "" : version;
    } catch (Exception unreadable) {
      return jar.getName().startsWith("opentelemetry-javaagent") ? "" : null;
    }
  }

  private static boolean bootstrapHas(String className) {
    try {
      Class.forName(className, false, null);
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }

  private static boolean sameFile(File a, File b) {
    try {
      return a.getCanonicalFile().equals(b.getCanonicalFile());
    } catch (Exception e) {
      return a.getAbsoluteFile().equals(b.getAbsoluteFile());
    }
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }
}
