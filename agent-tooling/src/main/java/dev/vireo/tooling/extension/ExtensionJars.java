package dev.vireo.tooling.extension;

import dev.vireo.bootstrap.VireoLog;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The jar files named by {@code otel.javaagent.extensions}: a comma-separated list of jar files and directories (each
 * directory contributes its {@code *.jar} files, in name order). An entry that is missing or not a readable jar gives
 * one WARN line and is skipped: a broken extension must not stop the application.
 */
final class ExtensionJars {

  private ExtensionJars() {}

  static List<File> resolve(String setting) {
    List<File> jars = new ArrayList<>();
    if (setting == null) {
      return jars;
    }
    for (String entry : setting.split(",")) {
      String path = entry.trim();
      if (path.isEmpty()) {
        continue;
      }
      File file = new File(path);
      if (file.isDirectory()) {
        File[] found = file.listFiles((dir, name) -> name.endsWith(".jar"));
        if (found == null) {
          VireoLog.warn("cannot read the extensions directory {}; no extensions loaded from it", path);
          continue;
        }
        Arrays.sort(found);
        for (File jar : found) {
          addIfReadable(jar, jars);
        }
      } else if (!file.exists()) {
        VireoLog.warn("extension {} does not exist; skipped", path);
      } else {
        addIfReadable(file, jars);
      }
    }
    return jars;
  }

  private static void addIfReadable(File file, List<File> jars) {
    try (JarFile ignored = new JarFile(file, false)) {
      jars.add(file.getAbsoluteFile());
    } catch (Exception e) {
      VireoLog.warn("extension {} is not a readable jar ({}); skipped", file.getPath(), e.toString());
    }
  }
}
