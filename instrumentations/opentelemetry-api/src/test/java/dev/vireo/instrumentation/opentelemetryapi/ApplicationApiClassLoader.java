package dev.vireo.instrumentation.opentelemetryapi;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An application with its own OpenTelemetry API version: the API jars of one version and the test
 * application ({@code dev.vireo.testapp}) are loaded here first, everything else (JDBC, H2) from the
 * test class path. The agent's own API on the test class path stays invisible to the application.
 */
final class ApplicationApiClassLoader extends URLClassLoader {

  static {
    registerAsParallelCapable();
  }

  private ApplicationApiClassLoader(URL[] urls, ClassLoader parent) {
    super(urls, parent);
  }

  /** {@code which}: oldest, middle or newest (surefire passes the versions). */
  static ApplicationApiClassLoader forVersion(String which) {
    return of(apiJars(which));
  }

  static Path apiJars(String which) {
    String version = System.getProperty("vireo.test.application-api." + which);
    return Paths.get(System.getProperty("vireo.test.application-api.dir"), version);
  }

  static ApplicationApiClassLoader of(Path apiJars, Path... more) {
    List<URL> urls = new ArrayList<>();
    try {
      addJars(apiJars, urls);
      for (Path path : more) {
        addJars(path, urls);
      }
      urls.add(testClasses().toURI().toURL());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new ApplicationApiClassLoader(urls.toArray(new URL[0]), ApplicationApiClassLoader.class.getClassLoader());
  }

  /** An application that carries its own SDK (the agent's SDK version) besides the API. */
  static ApplicationApiClassLoader withOwnSdk() {
    return of(Paths.get(System.getProperty("vireo.test.application-sdk.dir")));
  }

  /** The jars of a directory, or the directory itself when it holds no jars (classes, resources). */
  private static void addJars(Path dir, List<URL> urls) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("no API jars in " + dir);
    }
    List<URL> jarUrls = new ArrayList<>();
    try (Stream<Path> jars = Files.list(dir)) {
      jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> jarUrls.add(toUrl(p)));
    }
    urls.addAll(jarUrls.isEmpty() ? java.util.Collections.singletonList(toUrl(dir)) : jarUrls);
  }

  private static URL toUrl(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static File testClasses() {
    try {
      return new File(ApplicationApiClassLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean ownFirst(String name) {
    return name.startsWith("io.opentelemetry.") || name.startsWith("dev.vireo.testapp.");
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!ownFirst(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    if (ownFirst(name.replace('/', '.'))) {
      return findResource(name);
    }
    return super.getResource(name);
  }

  /** The application's own service files only (the test class path carries the agent's SDK testing ones). */
  @Override
  public java.util.Enumeration<URL> getResources(String name) throws IOException {
    if (name.startsWith("META-INF/services/io.opentelemetry.")) {
      return findResources(name);
    }
    return super.getResources(name);
  }

  /** An instance of a test application class, seen through a JDK interface. */
  @SuppressWarnings("unchecked")
  <T> T newInstance(String className) {
    try {
      return (T) Class.forName(className, true, this).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
