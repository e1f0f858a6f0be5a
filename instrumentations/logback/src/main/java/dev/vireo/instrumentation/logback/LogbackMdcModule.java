package dev.vireo.instrumentation.logback;

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
 * {@code trace_id}, {@code span_id} and {@code trace_flags} in Logback's MDC while a span is current, so a
 * pattern's {@code %X{trace_id}} prints them. They are added where the event hands out its MDC map, the first time
 * on the logging thread (an appender formatting the line, or an async appender preparing the event for its
 * worker), and kept in the event: the worker reads the logging call's ids. Nothing is written into the MDC
 * itself, so nothing can go stale on a reused thread.
 */
public final class LogbackMdcModule implements InstrumentationModule {

  public static final String NAME = "logback-mdc";
  private static final String PACKAGE = "dev.vireo.instrumentation.logback.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("ch.qos.logback.classic.spi.LoggingEvent");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("ch.qos.logback.classic.spi.LoggingEvent"))
            .advise(named("getMDCPropertyMap").and(takesArguments(0)), PACKAGE + "MdcPropertyMapAdvice"));
  }
}
