package dev.vireo.instrumentation.jul;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Every {@code java.util.logging} record a logger will publish also becomes an OpenTelemetry log record
 * ({@code otel.logs.exporter}). All of {@code Logger}'s convenience methods end in {@code log(LogRecord)}; the
 * configured handlers are untouched.
 */
public final class JavaUtilLoggingModule implements InstrumentationModule {

  public static final String NAME = "java-util-logging";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("java.util.logging.Logger"))
            .advise(
                named("log").and(takesArguments(1)).and(takesArgument(0, named("java.util.logging.LogRecord"))),
                "dev.vireo.instrumentation.jul.LogRecordAdvice"));
  }
}
