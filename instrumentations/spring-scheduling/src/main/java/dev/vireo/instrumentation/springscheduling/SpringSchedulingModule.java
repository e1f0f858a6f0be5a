package dev.vireo.instrumentation.springscheduling;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring's {@code @Scheduled} methods: each run is an INTERNAL span {@code {Class}.{method}} ({@code
 * ReportJobs.nightly}) with {@code code.namespace} and {@code code.function}, as the OpenTelemetry agent makes it, so
 * the queries and calls of a run share one trace instead of each starting its own. A task the application gives a
 * Spring task scheduler itself ({@code SchedulingConfigurer}, {@code taskScheduler.scheduleAtFixedRate(...)}) is a
 * span {@code {TaskClass}.run} per run.
 */
public final class SpringSchedulingModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "spring-scheduling";

  static final String SCHEDULED_METHOD_RUNNABLE = "org.springframework.scheduling.support.ScheduledMethodRunnable";
  private static final String[] TASK_SCHEDULERS = {
    "org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler",
    "org.springframework.scheduling.concurrent.ConcurrentTaskScheduler",
    "org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler"
  };
  private static final String PACKAGE = "dev.vireo.instrumentation.springscheduling.";

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
    return Arrays.<TypeInstrumentation>asList(
        forTypes(named(SCHEDULED_METHOD_RUNNABLE))
            .advise(named("run").and(takesArguments(0)), PACKAGE + "ScheduledRunAdvice"),
        // Spring's schedulers: the tasks an application schedules itself (SchedulingConfigurer, a TaskScheduler bean)
        forTypes(namedOneOf(TASK_SCHEDULERS))
            .advise(
                named("schedule").and(takesArguments(2)).and(takesArgument(0, Runnable.class))
                    .and(takesArgument(1, named("org.springframework.scheduling.Trigger")))
                    .or(namedOneOf("scheduleAtFixedRate", "scheduleWithFixedDelay")
                        .and(takesArgument(0, Runnable.class))),
                PACKAGE + "ScheduleTaskAdvice"));
  }
}
