package dev.vireo.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the test extension jar from {@code src/test/extension} (sources Maven does not compile, so the extension can
 * never end up on a test app's class path): compiled for Java 8 against the agent's API and SDK on this JVM's class
 * path, then jarred with its {@code META-INF/services} files.
 */
final class ExtensionJar {

  private ExtensionJar() {}

  static Path build(Path workDirectory) {
    Path sources = Paths.get(System.getProperty("vireo.extension.sources", "src/test/extension"));
    try {
      Path classes = Files.createDirectories(workDirectory.resolve("extension-classes"));
      List<String> arguments = new ArrayList<>(List.of(
          "--release", "8", "-Xlint:-options", "-classpath", System.getProperty("java.class.path"),
          "-d", classes.toString()));
      try (Stream<Path> files = Files.walk(sources)) {
        files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
      }
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      if (compiler.run(null, null, null, arguments.toArray(new String[0])) != 0) {
        throw new IllegalStateException("the test extension does not compile: " + arguments);
      }
      Path jar = workDirectory.resolve("vireo-test-extension.jar");
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
        addTree(classes, ".class", out);
        addTree(sources, "", out, "META-INF/");
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addTree(Path root, String suffix, JarOutputStream out) throws IOException {
    addTree(root, suffix, out, "");
  }

  private static void addTree(Path root, String suffix, JarOutputStream out, String prefix) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String name = root.relativize(file).toString().replace('\\', '/');
      if (name.endsWith(suffix) && name.startsWith(prefix)) {
        out.putNextEntry(new JarEntry(name));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }
}
