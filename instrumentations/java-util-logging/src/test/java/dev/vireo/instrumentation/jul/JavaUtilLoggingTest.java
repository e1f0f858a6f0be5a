package dev.vireo.instrumentation.jul;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JDK's java.util.logging, default configuration (INFO and above). */
@ExtendWith(AgentTestingExtension.class)
class JavaUtilLoggingTest {

  private static final Tracer TRACER = VireoTelemetry.get().getTracer("jul-test");
  private static final Logger LOGGER = Logger.getLogger("test.jul");

  private static LogRecordData recordWithBody(String body) {
    return AgentTesting.waitForLogRecord(r -> body.equals(r.getBodyValue().asString()), body);
  }

  @Test
  void severeRecordInsideSpanWithException() {
    Span span = TRACER.spanBuilder("request").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      LOGGER.log(Level.SEVERE, "payment failed", new IllegalStateException("card declined"));
    } finally {
      span.end();
    }

    assertThat(recordWithBody("payment failed"))
        .hasInstrumentationScope(InstrumentationScopeInfo.create("test.jul"))
        .hasSeverity(Severity.ERROR)
        .hasSeverityText("SEVERE")
        .hasSpanContext(span.getSpanContext())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("thread.name"), Thread.currentThread().getName()),
            equalTo(longKey("thread.id"), Thread.currentThread().getId()),
            equalTo(stringKey("exception.type"), "java.lang.IllegalStateException"),
            equalTo(stringKey("exception.message"), "card declined"),
            satisfies(
                stringKey("exception.stacktrace"),
                trace -> trace.startsWith("java.lang.IllegalStateException: card declined")));
  }

  @Test
  void parametersAreFormattedAndLevelsMapped() {
    LOGGER.log(Level.WARNING, "order {0} late by {1} min", new Object[] {"A-7", 12});
    LOGGER.info("plain info");

    assertThat(recordWithBody("order A-7 late by 12 min"))
        .hasSeverity(Severity.WARN)
        .hasSeverityText("WARNING")
        .hasSpanContext(SpanContext.getInvalid());
    assertThat(recordWithBody("plain info")).hasSeverity(Severity.INFO).hasSeverityText("INFO");
  }

  @Test
  void recordsTheLoggerDropsAreNotExported() {
    LOGGER.fine("fine is below the default INFO");
    LOGGER.info("marker after fine");

    recordWithBody("marker after fine");
    assertThat(AgentTesting.logRecords())
        .noneMatch(r -> "fine is below the default INFO".equals(r.getBodyValue().asString()));
  }

  @Test
  void recordsBridgedToSlf4jAreLeftToTheLibraryBehindIt() {
    Logger bridged = Logger.getLogger("test.jul.bridged");
    bridged.setUseParentHandlers(false);
    org.slf4j.bridge.SLF4JBridgeHandler handler = new org.slf4j.bridge.SLF4JBridgeHandler();
    bridged.addHandler(handler);
    try {
      Logger.getLogger("test.jul.bridged.child").warning("bridged to slf4j");
      LOGGER.info("marker after the bridged line");

      recordWithBody("marker after the bridged line");
      assertThat(AgentTesting.logRecords()).noneMatch(r -> "bridged to slf4j".equals(r.getBodyValue().asString()));
    } finally {
      bridged.removeHandler(handler);
    }
  }

  @Test
  void openTelemetrySdkLoggingIsNotCaptured() {
    Logger.getLogger("io.opentelemetry.exporter.internal.http.HttpExporter").warning("sdk export failed");
    LOGGER.info("marker after the sdk line");

    recordWithBody("marker after the sdk line");
    assertThat(AgentTesting.logRecords()).noneMatch(r -> "sdk export failed".equals(r.getBodyValue().asString()));
  }
}
