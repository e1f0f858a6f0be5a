package dev.vireo.tooling.install;

import dev.vireo.bootstrap.AdviceBootstrap;
import dev.vireo.bootstrap.AgentClassLoader;
import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeHierarchyLookup;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import dev.vireo.tooling.BackgroundTask;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/** Builds the Byte Buddy agent from the enabled modules and installs it (with retransformation). */
public final class TransformationInstaller {

  private final ClassHeaderHierarchy hierarchy = new ClassHeaderHierarchy();
  private final TransformationListener listener = new TransformationListener(hierarchy);
  private final TypeDescriptionCache descriptions = new TypeDescriptionCache();
  private final IdleCacheRelease cacheRelease = new IdleCacheRelease(descriptions, hierarchy);

  public ClassFileTransformer install(
      Instrumentation instrumentation, ModuleRegistry registry, ClassLoader agentLoader, InstrumentationConfig config) {
    long start = System.nanoTime();
    Map<String, ModuleLoaders> loaders = new HashMap<>();
    AgentBuilder builder =
        // Advice changes only the methods a class declares: no need to compile the method graph of every super
        // type of each class changed (over a third of Byte Buddy's time writing classes at a Spring Boot start-up).
        newAgentBuilder(
                new ByteBuddy()
                    .with(TypeValidation.DISABLED)
                    .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(hierarchy.preloaded())
            .with(AgentBuilder.DescriptionStrategy.Default.HYBRID)
            .with(new ClassHeaderPoolStrategy(descriptions, hierarchy, cacheRelease))
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(listener)
            .assureReadEdgeTo(instrumentation, AdviceBootstrap.class)
            // Either is enough: ignore(types, loaders) alone would ignore only when both match, and the
            // agent's own OkHttp (OTLP exporter) must never be traced, whatever its type.
            .ignore(IgnoredTypes.types(config))
            .or(ElementMatchers.any(), IgnoredTypes.loaders());
    for (InstrumentationModule module : registry.modules()) {
      // A module from an extension jar is read from, and sees the agent through, the extension class loader.
      ClassLoader moduleAgentLoader = module.getClass().getClassLoader();
      if (moduleAgentLoader == null) {
        moduleAgentLoader = agentLoader;
      }
      ModuleClasses classes = new ModuleClasses(module, moduleAgentLoader);
      loaders.put(module.name(), new ModuleLoaders(classes, moduleAgentLoader));
      CachedLoaderMatcher referencesResolve = new CachedLoaderMatcher(new ReferenceCheck(module.name(), classes));
      CachedLoaderMatcher loaderMatcher = new CachedLoaderMatcher(module.classLoaderMatcher());
      for (TypeInstrumentation typeInstrumentation : module.typeInstrumentations()) {
        try {
          AdviceTransformer transformer =
              new AdviceTransformer(module.name(), referencesResolve, typeInstrumentation, moduleAgentLoader);
          cacheRelease.alsoRelease(transformer.advice()::clear);
          ElementMatcher<TypeDescription> types = typeInstrumentation.typeMatcher();
          builder =
              typeInstrumentation.matchesByNameOnly()
                  ? builder.type(new NameThenLoaderMatcher(types, loaderMatcher)).transform(transformer)
                  : builder.type(types, loaderMatcher).transform(transformer);
        } catch (Exception | LinkageError e) {
          VireoLog.warn("instrumentation '{}' could not be prepared and is skipped: {}", module.name(), e.toString());
        }
      }
    }
    if (agentLoader instanceof AgentClassLoader) {
      cacheRelease.alsoRelease(((AgentClassLoader) agentLoader)::forgetClassNames);
    }
    AdviceBootstrap.install(new IndyAdviceLinker(loaders));
    TypeHierarchyLookup.Installed.install(hierarchy);
    long prepared = System.nanoTime();
    ClassFileTransformer transformer;
    try {
      transformer = builder.installOn(instrumentation);
    } finally {
      hierarchy.preloaded().forget();
    }
    cacheRelease.start();
    startCollectedEntryRemoval();
    VireoLog.debug(
        "transformations prepared in {} ms, installed on {} loaded classes in {} ms",
        (prepared - start) / 1_000_000,
        instrumentation.getAllLoadedClasses().length,
        (System.nanoTime() - prepared) / 1_000_000);
    return transformer;
  }

  /** Entries of virtual fields whose owners were collected go as the GC clears them, not at the fields' next use. */
  private static void startCollectedEntryRemoval() {
    BackgroundTask.start(
        "vireo-weak-keys",
        () -> {
          try {
            VirtualField.removeCollectedEntries();
          } catch (InterruptedException stop) {
            // the JVM is exiting
          }
        });
  }

  /**
   * {@code new AgentBuilder.Default(...)} creates Byte Buddy's self-injection initialization strategy, whose
   * {@code NexusAccessor} injects a class into the system class loader when first touched: about half of the premain
   * time and 15 MB of allocation, for a feature replaced right below (no-op initialization, invokedynamic advice).
   * Byte Buddy's own switch turns the injection off; it is set only while the builder is created, so the
   * application's Byte Buddy (its own classes, initialized later) never sees it.
   */
  static AgentBuilder newAgentBuilder(ByteBuddy byteBuddy) {
    try {
      if (System.getProperty(Nexus.PROPERTY) != null) {
        return new AgentBuilder.Default(byteBuddy);
      }
      System.setProperty(Nexus.PROPERTY, "true");
    } catch (SecurityException e) {
      return new AgentBuilder.Default(byteBuddy); // only slower
    }
    try {
      return new AgentBuilder.Default(byteBuddy);
    } finally {
      System.clearProperty(Nexus.PROPERTY);
    }
  }
}
