package dev.vireo.tooling.exporter;

import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Whether the code that is logging right now was loaded by the agent: the first frame on the stack whose class
 * has a class loader (java.util.logging's own frames have none) and is not the log routing itself. Uses {@code
 * StackWalker} through reflection, since agent code compiles for Java 8; on Java 8 every record counts as the
 * agent's.
 */
final class CallerLoader {

  private static final Object WALKER;
  private static final Method WALK;
  private static final Method DECLARING_CLASS;

  static {
    Object walker = null;
    Method walk = null;
    Method declaringClass = null;
    try {
      Class<?> stackWalker = Class.forName("java.lang.StackWalker");
      @SuppressWarnings({"unchecked", "rawtypes"})
      Object retain = Enum.valueOf((Class) Class.forName("java.lang.StackWalker$Option"), "RETAIN_CLASS_REFERENCE");
      walker = stackWalker.getMethod("getInstance", retain.getClass()).invoke(null, retain);
      walk = stackWalker.getMethod("walk", Function.class);
      declaringClass = Class.forName("java.lang.StackWalker$StackFrame").getMethod("getDeclaringClass");
    } catch (Exception | LinkageError e) {
      walker = null;
    }
    WALKER = walker;
    WALK = walk;
    DECLARING_CLASS = declaringClass;
  }

  private CallerLoader() {}

  /** True when the logging code's class loader is {@code agentLoader} or one of its parents. */
  static boolean isAgent(ClassLoader agentLoader) {
    if (WALKER == null || agentLoader == null) {
      return true;
    }
    try {
      Function<Stream<?>, ClassLoader> firstLoader =
          frames ->
              frames
                  .map(CallerLoader::declaringClass)
                  .filter(type -> type != null && type.getClassLoader() != null && !isRouting(type))
                  .map(Class::getClassLoader)
                  .findFirst()
                  .orElse(null);
      ClassLoader caller = (ClassLoader) WALK.invoke(WALKER, firstLoader);
      for (ClassLoader loader = agentLoader; loader != null; loader = loader.getParent()) {
        if (loader == caller) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  private static Class<?> declaringClass(Object frame) {
    try {
      return (Class<?>) DECLARING_CLASS.invoke(frame);
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean isRouting(Class<?> type) {
    return type == CallerLoader.class || type.getName().startsWith(SdkLogRouting.class.getName());
  }
}
