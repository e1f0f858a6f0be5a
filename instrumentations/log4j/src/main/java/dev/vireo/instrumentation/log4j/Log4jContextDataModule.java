package dev.vireo.instrumentation.log4j;

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
 * {@code trace_id}, {@code span_id} and {@code trace_flags} in the context data of every Log4j 2 event logged
 * while a span is current ({@code %X{trace_id}}). The injector Log4j asks for when it creates an event (on the
 * logging thread, before any async appender or logger sees it) is wrapped; the {@code ThreadContext} itself is
 * never written, so nothing goes stale on a reused thread.
 */
public final class Log4jContextDataModule implements InstrumentationModule {

  public static final String NAME = "log4j-context-data";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("org.apache.logging.log4j.core.impl.ContextDataInjectorFactory");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("org.apache.logging.log4j.core.impl.ContextDataInjectorFactory"))
            .advise(
                named("createInjector").and(takesArguments(0)),
                "dev.vireo.instrumentation.log4j.CreateInjectorAdvice"));
  }
}
