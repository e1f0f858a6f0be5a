package dev.vireo.instrumentation.springscheduling;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring's {@code @Scheduled} methods: each run is an INTERNAL span {@code {Class}.{method}} ({@code
 * ReportJobs.nightly}) with {@code code.namespace} and {@code code.function}, as the OpenTelemetry agent makes it, so
 * the queries and calls of a run share one trace instead of each starting its own.
 */
public final class SpringSchedulingModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "spring-scheduling";

  static final String SCHEDULED_METHOD_RUNNABLE = "org.springframework.scheduling.support.ScheduledMethodRunnable";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(SCHEDULED_METHOD_RUNNABLE);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named(SCHEDULED_METHOD_RUNNABLE))
            .advise(
                named("run").and(takesArguments(0)),
                "dev.vireo.instrumentation.springscheduling.ScheduledRunAdvice"));
  }
}
