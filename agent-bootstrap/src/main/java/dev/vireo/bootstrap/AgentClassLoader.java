package dev.vireo.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's own classes (tooling, instrumentation API, OpenTelemetry SDK, Byte Buddy,
 * instrumentation modules) from the {@code i/} folder of the agent jar, where a class file is stored
 * without its {@code .class} extension so that neither the system class loader nor class path scanners
 * see it ({@code i/net/bytebuddy/ByteBuddy}); resources keep their names ({@code i/META-INF/services/...}).
 *
 * <p>Short names because the JDK keeps the jar's central directory on the heap in one array for as long as
 * the jar is open, and the application class loader opens it too (the agent jar is on the class path): at
 * half a G1 region or more (512 KiB with heaps under 4 GiB) that array takes a whole region.
 *
 * <p>The parent is the platform class loader (Java 9+) so the agent sees {@code java.sql},
 * {@code java.net.http} and the bootstrap bridge, but never the application's classes.
 */
public final class AgentClassLoader extends ParallelLoadingClassLoader {

  static final String PREFIX = "i/";

  // parallel capability is not inherited: see ParallelLoadingClassLoader
  static {
    registerAsParallelCapable();
  }

  private final JarFile jar;
  private final String jarUrl;
  private final ProtectionDomain protectionDomain;
  private volatile String[] classNames;

  public AgentClassLoader(File agentJar) throws IOException {
    super(platformLoader());
    this.jar = new JarFile(agentJar, false);
    this.jarUrl = "jar:" + agentJar.toURI() + "!/";
    this.protectionDomain =
        new ProtectionDomain(new CodeSource(agentJar.toURI().toURL(), (Certificate[]) null), null, this, null);
  }

  /**
   * The agent's own classes are defined without asking the parent first. Asked for a name it does not have, the
   * platform class loader throws a ClassNotFoundException, whose stack trace (class loading runs deep) costs more
   * than defining the class; for ~1,300 classes at start-up that adds up. The jar holds no JDK class, so looking
   * here first never changes which class a name resolves to.
   */
  @Override
  protected Class<?> loadNew(String name) throws ClassNotFoundException {
    JarEntry entry = name.startsWith("java.") ? null : jar.getJarEntry(classEntryName(name));
    return entry == null ? loadFromParent(name) : define(name, entry);
  }

  /** As ClassLoader.loadClass delegates, without taking (and keeping) a ClassLoader lock for the name. */
  private Class<?> loadFromParent(String name) throws ClassNotFoundException {
    ClassLoader parent = getParent();
    return parent != null ? parent.loadClass(name) : Class.forName(name, false, null);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    JarEntry entry = jar.getJarEntry(classEntryName(name));
    if (entry == null) {
      throw new ClassNotFoundException(name);
    }
    return define(name, entry);
  }

  static String classEntryName(String className) {
    return PREFIX + className.replace('.', '/');
  }

  /** A class file's entry: below the prefix, outside META-INF, no extension (every resource here has one). */
  static boolean isClassEntry(String entryName) {
    return entryName.startsWith(PREFIX)
        && !entryName.startsWith(PREFIX + "META-INF/")
        && !entryName.endsWith("/")
        && entryName.indexOf('.', entryName.lastIndexOf('/') + 1) < 0;
  }

  private Class<?> define(String name, JarEntry entry) throws ClassNotFoundException {
    byte[] bytes;
    try (InputStream in = jar.getInputStream(entry)) {
      bytes = read(in, entry.getSize());
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    definePackageFor(name);
    return defineClass(name, bytes, 0, bytes.length, protectionDomain);
  }

  private void definePackageFor(String className) {
    int dot = className.lastIndexOf('.');
    if (dot <= 0) {
      return;
    }
    String pkg = className.substring(0, dot);
    if (getPackage(pkg) == null) {
      try {
        definePackage(pkg, null, null, null, null, null, null, null);
      } catch (IllegalArgumentException alreadyDefinedConcurrently) {
        // another thread won the race; nothing to do
      }
    }
  }

  @Override
  protected URL findResource(String name) {
    String entryName = entryNameFor(name);
    if (jar.getJarEntry(entryName) == null) {
      return null;
    }
    try {
      return new URL(jarUrl + entryName);
    } catch (MalformedURLException e) {
      return null;
    }
  }

  /**
   * The agent's own entries straight from the open jar: Byte Buddy reads every advice and helper class file this way,
   * and the URL route would open a connection per read. The parent (the platform loader) has no such names.
   */
  @Override
  public InputStream getResourceAsStream(String name) {
    JarEntry entry = jar.getJarEntry(entryNameFor(name));
    if (entry != null) {
      try {
        return jar.getInputStream(entry);
      } catch (IOException e) {
        // fall through to the usual lookup
      }
    }
    return super.getResourceAsStream(name);
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null ? Collections.<URL>emptyEnumeration() : Collections.enumeration(Collections.singletonList(url));
  }

  /** Class files are stored without their extension; Byte Buddy reads advice bytes through resources. */
  private static String entryNameFor(String resourceName) {
    if (resourceName.endsWith(".class")) {
      return PREFIX + resourceName.substring(0, resourceName.length() - ".class".length());
    }
    return PREFIX + resourceName;
  }

  /**
   * Drops the listing of class names (about 0.4 MB): reference checks run as libraries first load, and the modules
   * keep their own names; a check after this lists the jar again.
   */
  public void forgetClassNames() {
    classNames = null;
  }

  /** Class names below a package (slash form, e.g. {@code dev/vireo/instrumentation/jdbc/}). */
  public List<String> classNamesUnder(String packagePath) {
    String prefix = packagePath.replace('/', '.');
    List<String> names = new ArrayList<>();
    for (String name : classNames()) {
      if (name.startsWith(prefix)) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * Every class name in the jar, listed once: each module's reference check asks for its own package, and walking
   * the ~5,000 entries again for each would allocate an entry object per entry per module. {@link
   * #forgetClassNames} lets it go once checks stop.
   */
  private String[] classNames() {
    String[] names = classNames;
    if (names == null) {
      List<String> found = new ArrayList<>();
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String entry = e.nextElement().getName();
        if (isClassEntry(entry)) {
          found.add(entry.substring(PREFIX.length()).replace('/', '.'));
        }
      }
      names = found.toArray(new String[0]);
      classNames = names;
    }
    return names;
  }

  /**
   * An entry's bytes into one array of its recorded size: loading ~1,500 classes at start-up, growing buffers and
   * copies would allocate several times the class bytes.
   */
  static byte[] read(InputStream in, long size) throws IOException {
    if (size < 0 || size > Integer.MAX_VALUE) {
      return readAll(in);
    }
    byte[] bytes = new byte[(int) size];
    int off = 0;
    while (off < bytes.length) {
      int n = in.read(bytes, off, bytes.length - off);
      if (n < 0) {
        throw new IOException("truncated jar entry: " + off + " of " + size + " bytes");
      }
      off += n;
    }
    return bytes;
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(in.available(), 4096));
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) != -1) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static ClassLoader platformLoader() {
    try {
      return (ClassLoader) ClassLoader.class.getMethod("getPlatformClassLoader").invoke(null);
    } catch (Exception java8) {
      return null; // bootstrap
    }
  }

  @Override
  public String toString() {
    return "VireoAgentClassLoader";
  }
}
