package dev.vireo.instrumentation.methods;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import dev.vireo.instrumentation.tracedmethods.MethodList;
import dev.vireo.instrumentation.tracedmethods.ReturnTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * An INTERNAL span named {@code {Class}.{method}} around the methods listed in {@code
 * otel.instrumentation.methods.include} ({@code com.example.Cls[m1,m2];com.example.Other[run]}), no
 * annotation needed.
 */
public final class MethodsModule implements InstrumentationModule {

  public static final String NAME = "methods";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> helperPackages() {
    return Collections.singletonList("dev.vireo.instrumentation.tracedmethods");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    Map<String, Set<String>> included =
        MethodList.parse(InstrumentationConfig.get().getString("otel.instrumentation.methods.include", ""));
    List<TypeInstrumentation> instrumentations = new ArrayList<>();
    for (Map.Entry<String, Set<String>> type : included.entrySet()) {
      if (type.getValue().isEmpty()) {
        continue;
      }
      ElementMatcher.Junction<MethodDescription> traced =
          namedOneOf(type.getValue().toArray(new String[0])).and(not(isAbstract()));
      instrumentations.add(
          forTypes(named(type.getKey()))
              .advise(traced.and(not(ReturnTypes.primitive())), "dev.vireo.instrumentation.methods.IncludedMethodAdvice")
              .advise(traced.and(ReturnTypes.primitive()), "dev.vireo.instrumentation.methods.IncludedMethodPrimitiveAdvice"));
    }
    return instrumentations;
  }
}
