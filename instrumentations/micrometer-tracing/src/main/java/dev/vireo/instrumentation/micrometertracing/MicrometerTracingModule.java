package dev.vireo.instrumentation.micrometertracing;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Micrometer Tracing in the application (Spring Boot's observation layer with a tracing bridge):
 * its tracing handlers stop handling the observations Vireo already traces (Spring's HTTP server and
 * client requests, Spring Kafka's records), so a request is not traced twice, once by Vireo and
 * once by the bridge's own SDK in a trace of its own. Every other observation (the application's
 * own) keeps its span. {@code otel.instrumentation.micrometer-tracing.enabled=false} leaves the
 * bridge alone.
 */
public final class MicrometerTracingModule implements InstrumentationModule {

  /** The module's name (it starts no spans, so no scope is named after it). */
  public static final String NAME = "micrometer-tracing";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("io.micrometer.tracing.handler.TracingObservationHandler");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    // supportsContext of the handler interface (a default method) and of Micrometer's handlers
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(
                namedOneOf(
                    "io.micrometer.tracing.handler.TracingObservationHandler",
                    "io.micrometer.tracing.handler.DefaultTracingObservationHandler",
                    "io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler",
                    "io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler"))
            .advise(
                named("supportsContext").and(takesArguments(1)).and(not(isAbstract())),
                "dev.vireo.instrumentation.micrometertracing.SupportsContextAdvice"));
  }
}
