package dev.vireo.instrumentation.log4j;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every Log4j 2 event that passes the logger's level and filters also becomes an OpenTelemetry log record
 * ({@code otel.logs.exporter}), beside the configured appenders. Both entries of {@code Logger} and of the
 * all-async {@code AsyncLogger} (which overrides them without calling the parent) are advised: the classic
 * {@code logMessage} and the {@code log} that {@code LogBuilder} calls with a location.
 */
public final class Log4jAppenderModule implements InstrumentationModule {

  public static final String NAME = "log4j-appender";
  private static final String PACKAGE = "dev.vireo.instrumentation.log4j.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("org.apache.logging.log4j.core.Logger");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(namedOneOf("org.apache.logging.log4j.core.Logger", "org.apache.logging.log4j.core.async.AsyncLogger"))
            .advise(
                named("logMessage")
                    .and(takesArguments(5))
                    .and(takesArgument(0, String.class))
                    .and(takesArgument(1, named("org.apache.logging.log4j.Level"))),
                PACKAGE + "LogMessageAdvice")
            .advise(
                named("log")
                    .and(takesArguments(6))
                    .and(takesArgument(0, named("org.apache.logging.log4j.Level")))
                    .and(takesArgument(3, StackTraceElement.class)),
                PACKAGE + "LogWithLocationAdvice"));
  }
}
