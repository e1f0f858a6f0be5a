package dev.vireo.instrumentation.opentelemetryannotations;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import dev.vireo.instrumentation.tracedmethods.MethodList;
import dev.vireo.instrumentation.tracedmethods.ReturnTypes;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A span around every method annotated {@code @WithSpan}, from {@code
 * io.opentelemetry.instrumentation.annotations} (1.x and 2.x) and the older {@code
 * io.opentelemetry.extension.annotations}; {@code @SpanAttribute} parameters become attributes.
 * Methods listed in {@code otel.instrumentation.opentelemetry-annotations.exclude-methods} (or the
 * {@code opentelemetry-instrumentation-annotations} key) are left alone.
 */
public final class OpenTelemetryAnnotationsModule implements InstrumentationModule {

  public static final String NAME = "opentelemetry-instrumentation-annotations";
  static final String HELPERS = "dev.vireo.instrumentation.tracedmethods";
  private static final String PACKAGE = "dev.vireo.instrumentation.opentelemetryannotations.";
  private static final String[] WITH_SPAN = {
    "io.opentelemetry.instrumentation.annotations.WithSpan", "io.opentelemetry.extension.annotations.WithSpan"
  };

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> aliases() {
    return Collections.singletonList("opentelemetry-annotations");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(WITH_SPAN[0]).or(ClassLoaderMatchers.hasClassesNamed(WITH_SPAN[1]));
  }

  @Override
  public List<String> helperPackages() {
    return Collections.singletonList(HELPERS);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    ElementMatcher.Junction<MethodDescription> annotated = isAnnotatedWith(namedOneOf(WITH_SPAN));
    ElementMatcher.Junction<MethodDescription> traced = annotated.and(not(isAbstract())).and(not(excluded()));
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(declaresMethod(annotated))
            .advise(traced.and(not(ReturnTypes.primitive())), PACKAGE + "WithSpanAdvice")
            .advise(traced.and(ReturnTypes.primitive()), PACKAGE + "WithSpanPrimitiveAdvice"));
  }

  private static ElementMatcher<MethodDescription> excluded() {
    Map<String, Set<String>> excluded = new HashMap<>();
    InstrumentationConfig config = InstrumentationConfig.get();
    excluded.putAll(MethodList.parse(config.getString("otel.instrumentation.opentelemetry-annotations.exclude-methods", "")));
    excluded.putAll(
        MethodList.parse(config.getString("otel.instrumentation.opentelemetry-instrumentation-annotations.exclude-methods", "")));
    return method -> {
      TypeDescription declaring = method.getDeclaringType().asErasure();
      Set<String> methods = excluded.get(declaring.getName());
      return methods != null && methods.contains(method.getName());
    };
  }
}
