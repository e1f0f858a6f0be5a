package dev.vireo.bootstrap;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The invokedynamic bootstrap method of every advice call site Vireo writes into application and
 * JDK classes. Linking happens once per call site; afterwards the JIT sees a constant direct call.
 * A call site that cannot be linked becomes a no-op: linking errors never reach the application.
 */
public final class AdviceBootstrap {

  private static volatile AdviceLinker linker;

  private AdviceBootstrap() {}

  public static void install(AdviceLinker adviceLinker) {
    linker = adviceLinker;
  }

  public static CallSite bootstrap(
      MethodHandles.Lookup lookup,
      String adviceMethodName,
      MethodType type,
      String moduleName,
      String adviceClassName) {
    AdviceLinker current = linker;
    if (current != null) {
      try {
        MethodHandle target =
            current.link(lookup.lookupClass(), moduleName, adviceClassName, adviceMethodName, type);
        if (target != null) {
          return new ConstantCallSite(target.asType(type));
        }
      } catch (Throwable t) {
        VireoLog.debug(
            "advice {}.{} not linked for {}: {}", adviceClassName, adviceMethodName, lookup.lookupClass(), t);
      }
    }
    return new ConstantCallSite(noop(type));
  }

  /** A handle of the given type that does nothing and returns the type's default value. */
  static MethodHandle noop(MethodType type) {
    Class<?> returnType = type.returnType();
    MethodHandle body;
    if (returnType == void.class) {
      body = NOTHING;
    } else {
      Object zero = returnType.isPrimitive() ? defaultPrimitive(returnType) : null;
      body = MethodHandles.constant(returnType, zero);
    }
    return MethodHandles.dropArguments(body, 0, type.parameterList());
  }

  private static Object defaultPrimitive(Class<?> type) {
    if (type == boolean.class) {
      return false;
    } else if (type == char.class) {
      return (char) 0;
    } else if (type == byte.class) {
      return (byte) 0;
    } else if (type == short.class) {
      return (short) 0;
    } else if (type == int.class) {
      return 0;
    } else if (type == long.class) {
      return 0L;
    } else if (type == float.class) {
      return 0f;
    }
    return 0d;
  }

  private static final MethodHandle NOTHING;

  static {
    try {
      NOTHING =
          MethodHandles.lookup().findStatic(AdviceBootstrap.class, "nothing", MethodType.methodType(void.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused")
  private static void nothing() {}
}
