package dev.vireo.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/** Implemented by the agent tooling: finds the advice method for an instrumented class. */
public interface AdviceLinker {

  /**
   * @param caller the instrumented class whose call site is being linked
   * @param moduleName the instrumentation module that owns the advice
   * @param adviceClassName the advice class
   * @param adviceMethodName the advice method
   * @param type the call site type
   * @return a handle of exactly {@code type}, or null when the advice cannot be linked
   */
  MethodHandle link(
      Class<?> caller, String moduleName, String adviceClassName, String adviceMethodName, MethodType type)
      throws Throwable;
}
