package dev.vireo.tooling.install;

import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The classes the JVM had loaded when the agent installed, which the retransformation at install runs every type
 * matcher over. Byte Buddy's super type walk over a loaded class asks it for its interfaces, and the JDK keeps that
 * answer in the class's reflection cache for the life of the JVM: about 700 classes' worth on a small service, for
 * a few matches. Answered here from the loaded classes themselves ({@link Class#isAssignableFrom}, {@link
 * Class#getSuperclass}), which cache nothing. Exact: a loaded class's super types were loaded before it, so they
 * are in the same list.
 */
final class PreloadedClasses implements AgentBuilder.RedefinitionStrategy.DiscoveryStrategy {

  /** A class, or an array of them where several loaders define the same name. Null once installed. */
  private volatile Map<String, Object> byName;

  @Override
  public Iterable<Iterable<Class<?>>> resolve(Instrumentation instrumentation) {
    Class<?>[] loaded = instrumentation.getAllLoadedClasses();
    byName = index(loaded);
    return Collections.<Iterable<Class<?>>>singleton(Arrays.asList(loaded));
  }

  static Map<String, Object> index(Class<?>[] loaded) {
    Map<String, Object> index = new HashMap<>(loaded.length * 2);
    for (Class<?> type : loaded) {
      if (type == null || type.isArray() || type.isPrimitive()) {
        continue;
      }
      Object previous = index.putIfAbsent(type.getName(), type);
      if (previous instanceof Class) {
        index.put(type.getName(), new Class<?>[] {(Class<?>) previous, type});
      } else if (previous != null) {
        Class<?>[] same = (Class<?>[]) previous;
        Class<?>[] more = Arrays.copyOf(same, same.length + 1);
        more[same.length] = type;
        index.put(type.getName(), more);
      }
    }
    return index;
  }

  /** For tests: as {@link #resolve} but from the given classes. */
  void use(Class<?>... loaded) {
    byName = index(loaded);
  }

  /** Drops the classes once the retransformation at install is done; every answer is null afterwards. */
  void forget() {
    byName = null;
  }

  /**
   * As {@link dev.vireo.instrumentation.spi.TypeHierarchyLookup#isClassInheriting}, for a class loaded before the
   * agent; null if the class is not one of them or its name is not unique among them.
   */
  Boolean isClassInheriting(String typeName, Set<String> superTypes, boolean superClassesOnly) {
    Map<String, Object> index = byName;
    if (index == null) {
      return null;
    }
    Object entry = index.get(typeName);
    if (!(entry instanceof Class)) {
      return null;
    }
    Class<?> type = (Class<?>) entry;
    if (type.isInterface()) {
      return false;
    }
    if (superClassesOnly) {
      for (Class<?> current = type; current != null; current = current.getSuperclass()) {
        if (superTypes.contains(current.getName())) {
          return true;
        }
      }
      return false;
    }
    for (String name : superTypes) {
      Object candidate = index.get(name);
      if (candidate instanceof Class) {
        if (((Class<?>) candidate).isAssignableFrom(type)) {
          return true;
        }
      } else if (candidate != null) {
        for (Class<?> sameName : (Class<?>[]) candidate) {
          if (sameName.isAssignableFrom(type)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
