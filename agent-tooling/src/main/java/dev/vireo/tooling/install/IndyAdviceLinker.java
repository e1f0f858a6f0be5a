package dev.vireo.tooling.install;

import dev.vireo.bootstrap.AdviceLinker;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/** Links an advice call site to the advice method loaded for the caller's class loader. */
final class IndyAdviceLinker implements AdviceLinker {

  private final Map<String, ModuleLoaders> loadersByModule;

  IndyAdviceLinker(Map<String, ModuleLoaders> loadersByModule) {
    this.loadersByModule = loadersByModule;
  }

  @Override
  public MethodHandle link(
      Class<?> caller, String moduleName, String adviceClassName, String adviceMethodName, MethodType type)
      throws Throwable {
    ModuleLoaders loaders = loadersByModule.get(moduleName);
    if (loaders == null) {
      return null;
    }
    ClassLoader moduleLoader = loaders.get(caller.getClassLoader());
    Class<?> adviceClass = Class.forName(adviceClassName, true, moduleLoader);
    for (Method method : adviceClass.getMethods()) {
      if (method.getName().equals(adviceMethodName)
          && Modifier.isStatic(method.getModifiers())
          && method.getParameterTypes().length == type.parameterCount()) {
        return MethodHandles.publicLookup().unreflect(method).asType(type);
      }
    }
    return null;
  }
}
