package dev.vireo.tooling.install;

import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.UntransformedClasses;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Types and class loaders the agent never transforms. */
final class IgnoredTypes {

  private static final Set<String> IGNORED_LOADERS =
      new HashSet<>(
          Arrays.asList(
              "dev.vireo.bootstrap.AgentClassLoader",
              "dev.vireo.tooling.install.ModuleClassLoader",
              "dev.vireo.tooling.install.ApplicationOpenTelemetryClassLoader",
              "dev.vireo.tooling.extension.ExtensionClassLoader",
              // other agents' own classes (their exporters' HTTP clients): never traced, never changed
              "io.opentelemetry.javaagent.bootstrap.AgentClassLoader",
              "io.opentelemetry.javaagent.tooling.ExtensionClassLoader",
              "io.opentelemetry.javaagent.tooling.instrumentation.indy.InstrumentationModuleClassLoader",
              "co.elastic.apm.agent.bootstrap.classloading.ShadedClassLoader",
              "datadog.trace.bootstrap.DatadogClassLoader",
              // reflection accessors and dynamic-language call sites: generated, short-lived, never instrumented
              "sun.reflect.DelegatingClassLoader",
              "jdk.internal.reflect.DelegatingClassLoader",
              "org.codehaus.groovy.runtime.callsite.CallSiteClassLoader",
              "clojure.lang.DynamicClassLoader"));

  private IgnoredTypes() {}

  static ElementMatcher.Junction<TypeDescription> types(InstrumentationConfig config) {
    // Byte Buddy and the agents' own classes (the modules that rely on advice having run ask UntransformedClasses)
    ElementMatcher.Junction<TypeDescription> ignored = nameStartsWith("net.bytebuddy.");
    for (String agentPackage : UntransformedClasses.AGENT_PACKAGES) {
      ignored = ignored.or(nameStartsWith(agentPackage));
    }
    ignored =
        ignored
            .or(nameStartsWith("jdk.internal.reflect."))
            .or(nameStartsWith("sun.reflect."))
            .or(nameStartsWith("jdk.internal.misc."))
            .or(nameStartsWith("java.lang.invoke."))
            .or(nameStartsWith("sun.invoke."))
            .or(nameStartsWith("jdk.jfr."))
            // the machinery that reads class files: describing one of these while it loads would need itself
            .or(nameStartsWith("jdk.internal.loader."))
            .or(nameStartsWith("jdk.internal.jimage."))
            .or(nameStartsWith("sun.net.www.protocol.jrt."))
            .or(nameStartsWith("sun.net.www.protocol.jar."))
            .or(nameStartsWith("sun.net.www.protocol.file."))
            .or(nameStartsWith("com.sun.proxy."))
            .or(nameStartsWith("jdk.proxy"))
            // by name only: a test on modifiers (isSynthetic) would parse every class the JVM loads
            .or(nameContains("$$Lambda"));
    for (String pattern : config.getList(UntransformedClasses.EXCLUDE_CLASSES)) {
      ignored = ignored.or(type -> UntransformedClasses.excludedBy(pattern, type.getName()));
    }
    return ignored;
  }

  static ElementMatcher<ClassLoader> loaders() {
    return loader -> loader != null && IGNORED_LOADERS.contains(loader.getClass().getName());
  }

}
