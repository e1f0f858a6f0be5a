package dev.vireo.tooling.install;

import dev.vireo.bootstrap.AgentClassLoader;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The classes of one instrumentation module: those in the module class's package and below, and in
 * the helper packages it declares. Their bytes come from the agent class loader's resources, so the
 * same code serves the packaged agent (classes under {@code inst/} of the jar) and tests (classes on
 * the class path).
 */
final class ModuleClasses {

  private final InstrumentationModule module;
  private final ClassLoader agentLoader;
  final String packagePrefix;
  /** The module's package first, then its helper packages; each ends with a dot. */
  private final String[] prefixes;
  /** The same in internal form ({@code dev/vireo/...}), for bytecode references. */
  private final String[] internalPrefixes;
  /** Packages whose classes face the application's OpenTelemetry API; each ends with a dot. */
  private final String[] applicationOpenTelemetryPrefixes;
  private volatile List<String> names;

  ModuleClasses(InstrumentationModule module, ClassLoader agentLoader) {
    this.module = module;
    this.agentLoader = agentLoader;
    String className = module.getClass().getName();
    this.packagePrefix = className.substring(0, className.lastIndexOf('.') + 1);
    List<String> helpers = module.helperPackages();
    this.prefixes = new String[1 + helpers.size()];
    prefixes[0] = packagePrefix;
    for (int i = 0; i < helpers.size(); i++) {
      String helper = helpers.get(i);
      prefixes[i + 1] = helper.endsWith(".") ? helper : helper + ".";
    }
    List<String> applicationFacing = module.applicationOpenTelemetryPackages();
    this.applicationOpenTelemetryPrefixes = new String[applicationFacing.size()];
    for (int i = 0; i < applicationFacing.size(); i++) {
      String facing = applicationFacing.get(i);
      applicationOpenTelemetryPrefixes[i] = facing.endsWith(".") ? facing : facing + ".";
    }
    this.internalPrefixes = new String[prefixes.length];
    for (int i = 0; i < prefixes.length; i++) {
      internalPrefixes[i] = prefixes[i].replace('.', '/');
    }
  }

  boolean contains(String className) {
    for (String prefix : prefixes) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a module class faces the application's OpenTelemetry API ({@link
   * InstrumentationModule#applicationOpenTelemetryPackages()}).
   */
  boolean facesApplicationOpenTelemetry(String className) {
    for (String prefix : applicationOpenTelemetryPrefixes) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  boolean containsInternalName(String internalName) {
    for (String prefix : internalPrefixes) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  byte[] bytes(String className) throws IOException {
    InputStream in = agentLoader.getResourceAsStream(className.replace('.', '/') + ".class");
    if (in == null) {
      throw new IOException("no class file for " + className);
    }
    try {
      return readAll(in);
    } finally {
      in.close();
    }
  }

  List<String> names() {
    List<String> result = names;
    if (result == null) {
      List<String> all = new ArrayList<>();
      for (String prefix : prefixes) {
        all.addAll(list(prefix));
      }
      result = Collections.unmodifiableList(all);
      names = result;
    }
    return result;
  }

  private List<String> list(String prefix) {
    String path = prefix.replace('.', '/');
    if (agentLoader instanceof AgentClassLoader) {
      return ((AgentClassLoader) agentLoader).classNamesUnder(path);
    }
    List<String> result = new ArrayList<>();
    try {
      URL location = module.getClass().getProtectionDomain().getCodeSource().getLocation();
      File root = new File(location.toURI());
      if (root.isDirectory()) {
        collect(new File(root, path), prefix, result);
      } else {
        try (JarFile jar = new JarFile(root)) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (name.startsWith(path) && name.endsWith(".class")) {
              result.add(name.substring(0, name.length() - 6).replace('/', '.'));
            }
          }
        }
      }
    } catch (Exception e) {
      // Without a listing the reference check has nothing to check; linking still works.
    }
    return result;
  }

  private static void collect(File dir, String prefix, List<String> out) {
    File[] files = dir.listFiles();
    if (files == null) {
      return;
    }
    for (File file : files) {
      if (file.isDirectory()) {
        collect(file, prefix + file.getName() + ".", out);
      } else if (file.getName().endsWith(".class")) {
        out.add(prefix + file.getName().substring(0, file.getName().length() - 6));
      }
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(4096);
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) != -1) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
