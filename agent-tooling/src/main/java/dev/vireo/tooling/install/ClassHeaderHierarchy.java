package dev.vireo.tooling.install;

import dev.vireo.instrumentation.spi.MethodNameIndex;
import dev.vireo.instrumentation.spi.TypeHierarchyLookup;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Super type walks over class file headers, for the class being transformed. Byte Buddy's walk parses each class
 * it meets in full (methods, generic signatures, annotations); which types a class inherits needs only the super
 * class and interface names. On a Spring Boot start-up that walk was the largest part of the agent's time.
 */
final class ClassHeaderHierarchy implements TypeHierarchyLookup {

  private static final String OBJECT = "java.lang.Object";

  private final Map<ClassLoader, ClassHeaders> byLoader = new WeakHashMap<>();
  private final ClassHeaders bootstrap = new ClassHeaders();
  private final PreloadedClasses preloaded = new PreloadedClasses();

  /** The classes loaded before the agent; answers for them while the agent installs. */
  PreloadedClasses preloaded() {
    return preloaded;
  }

  /** Called as Byte Buddy starts on a class, with the locator that has its class file and its loader's. */
  void enter(String typeName, ClassFileLocator locator, ClassLoader loader) {
    TransformedClass.enter(typeName, locator, headersOf(loader));
  }

  void exit() {
    TransformedClass.exit();
  }

  @Override
  public Boolean isClassInheriting(String typeName, Set<String> superTypes, boolean superClassesOnly) {
    TransformedClass current = TransformedClass.ifNamed(typeName);
    if (current == null) {
      return preloaded.isClassInheriting(typeName, superTypes, superClassesOnly);
    }
    try {
      ClassHeader header = current.header(typeName);
      if (header == null) {
        return null;
      }
      if (header.isInterface) {
        return false;
      }
      return superTypes.contains(typeName) || inherits(current, header, superTypes, superClassesOnly);
    } catch (Exception e) {
      return null; // an unreadable class file: Byte Buddy's own walk decides
    }
  }

  @Override
  public long declaredMethodNames(String typeName) {
    TransformedClass current = TransformedClass.ifNamed(typeName);
    return current == null ? -1L : current.declaredMethodNames(MethodNameIndex.table());
  }

  private static boolean inherits(
      TransformedClass current, ClassHeader start, Set<String> superTypes, boolean superClassesOnly)
      throws Exception {
    ArrayDeque<String> pending = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    addSupers(start, superClassesOnly, pending, seen);
    String name;
    while ((name = pending.poll()) != null) {
      if (superTypes.contains(name)) {
        return true;
      }
      if (OBJECT.equals(name)) {
        continue;
      }
      ClassHeader header = current.header(name);
      if (header != null) { // a missing super type ends that branch, as it would fail to load
        addSupers(header, superClassesOnly, pending, seen);
      }
    }
    return false;
  }

  private static void addSupers(
      ClassHeader header, boolean superClassesOnly, ArrayDeque<String> pending, Set<String> seen) {
    if (header.superName != null && seen.add(header.superName)) {
      pending.add(header.superName);
    }
    if (!superClassesOnly) {
      for (String name : header.interfaceNames) {
        if (seen.add(name)) {
          pending.add(name);
        }
      }
    }
  }

  /** Forgets every header (all loaders); a class being transformed keeps the headers it already has. */
  void clear() {
    synchronized (byLoader) {
      byLoader.clear();
    }
    bootstrap.clear();
  }

  /** Headers kept for a loader (0 when none); for tests. */
  int size(ClassLoader loader) {
    if (loader == null) {
      return bootstrap.size();
    }
    synchronized (byLoader) {
      ClassHeaders headers = byLoader.get(loader);
      return headers == null ? 0 : headers.size();
    }
  }

  ClassHeaders headersOf(ClassLoader loader) {
    if (loader == null) {
      return bootstrap;
    }
    synchronized (byLoader) {
      ClassHeaders headers = byLoader.get(loader);
      if (headers == null) {
        headers = new ClassHeaders();
        byLoader.put(loader, headers);
      }
      return headers;
    }
  }
}
