package dev.vireo.tooling.install;

import dev.vireo.bootstrap.AdviceBootstrap;
import dev.vireo.bootstrap.AdviceErrors;
import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.spi.AdviceTarget;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.constant.TextConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaConstant;
import net.bytebuddy.utility.JavaModule;

/**
 * Applies one {@link TypeInstrumentation}'s advice to a matched type: advice methods are bound
 * through {@link AdviceBootstrap} with invokedynamic (never inlined), exceptions they throw go to
 * {@link AdviceErrors}, and nothing is applied where the module's library references do not resolve.
 */
final class AdviceTransformer implements AgentBuilder.Transformer {

  private final String moduleName;
  private final ElementMatcher<ClassLoader> referencesResolve;
  private final ResolvedAdvice advice;
  private final boolean injectsSlot;

  AdviceTransformer(String moduleName, ElementMatcher<ClassLoader> referencesResolve, TypeInstrumentation typeInstrumentation,
      ClassLoader agentLoader) throws NoSuchMethodException {
    this.moduleName = moduleName;
    this.injectsSlot = typeInstrumentation.injectsSlot();
    this.referencesResolve = referencesResolve;
    Advice.WithCustomMapping mapping =
        Advice.withCustomMapping()
            // Non-inlined advice cannot write @Argument/@Return directly: @Advice.AssignReturned lets an
            // advice method return the replacement (a task with its context, a wrapped callback, a
            // tracing iterator). A failing assignment is suppressed and the original value stays.
            .with(new Advice.AssignReturned.Factory().withSuppressed(Throwable.class))
            .bootstrap(
                AdviceBootstrap.class.getMethod(
                    "bootstrap", MethodHandles.Lookup.class, String.class, MethodType.class, String.class, String.class),
                new ModuleArguments(moduleName));
    this.advice = new ResolvedAdvice(mapping, new Advice.ExceptionHandler.Simple(reportTo(moduleName)), agentLoader);
    typeInstrumentation.transform(new Collector(advice));
  }

  /** Its advice, resolved per class loader; for {@link IdleCacheRelease}. */
  ResolvedAdvice advice() {
    return advice;
  }

  @Override
  public DynamicType.Builder<?> transform(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader classLoader,
      JavaModule module,
      ProtectionDomain protectionDomain) {
    if (!referencesResolve.matches(classLoader)) {
      return builder;
    }
    ClassFileVersion version = type.getClassFileVersion();
    if (version != null && !version.isAtLeast(ClassFileVersion.JAVA_V7)) {
      // invokedynamic needs Java 7 class files: raise the version (frames are computed)
      VireoLog.debug("instrumentation '{}' raises {} to class file version 51", moduleName, type.getName());
      builder = builder.visit(ClassFileVersionUpgrade.INSTANCE);
    }
    if (injectsSlot && !type.isInterface()) {
      if (SlotInjection.appliesTo(type)) {
        builder = builder.visit(SlotInjection.INSTANCE);
      } else {
        VireoLog.debug(
            "instrumentation '{}': {} gets no slot field (loaded before the agent, or serializable without its own"
                + " serialVersionUID); its state is kept in a map",
            moduleName,
            type.getName());
      }
    }
    return builder.visit(advice.forLoader(classLoader));
  }

  /** Pushes the module name and calls {@code AdviceErrors.report(Throwable, String)}. */
  private static StackManipulation reportTo(String moduleName) throws NoSuchMethodException {
    return new StackManipulation.Compound(
        new TextConstant(moduleName),
        MethodInvocation.invoke(
            new MethodDescription.ForLoadedMethod(
                AdviceErrors.class.getMethod("report", Throwable.class, String.class))));
  }

  private static final class Collector implements AdviceTarget {
    private final ResolvedAdvice advice;

    Collector(ResolvedAdvice advice) {
      this.advice = advice;
    }

    @Override
    public AdviceTarget applyAdvice(ElementMatcher<? super MethodDescription> methods, String adviceClassName) {
      advice.add(methods, adviceClassName);
      return this;
    }
  }

  /** The bootstrap arguments of every advice call site: module name and advice class name. */
  private static final class ModuleArguments implements Advice.BootstrapArgumentResolver.Factory {
    private final String moduleName;

    ModuleArguments(String moduleName) {
      this.moduleName = moduleName;
    }

    @Override
    public Advice.BootstrapArgumentResolver resolve(MethodDescription.InDefinedShape adviceMethod, boolean exit) {
      final String adviceClass = adviceMethod.getDeclaringType().getName();
      return (instrumentedType, instrumentedMethod) ->
          Arrays.<JavaConstant>asList(JavaConstant.Simple.ofLoaded(moduleName), JavaConstant.Simple.ofLoaded(adviceClass));
    }
  }

}
