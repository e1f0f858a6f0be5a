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
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application logs through JBoss Logging, which finds neither Log4j 2 nor Logback on the class path and logs
 * through java.util.logging (default configuration, INFO and above): each record is exported once, by the
 * java.util.logging instrumentation, with JBoss Logging's level names.
 */
@ExtendWith(AgentTestingExtension.class)
class JbossLoggingToJulTest {

  private static final Tracer TRACER = VireoTelemetry.get().getTracer("jboss-logging-test");
  private static final Logger LOGGER = Logger.getLogger("test.jboss");

  private static LogRecordData recordWithBody(String body) {
    return AgentTesting.waitForLogRecord(r -> body.equals(r.getBodyValue().asString()), body);
  }

  @Test
  void jbossLoggingDelegatesToJul() {
    assertThat(LOGGER.getClass().getName()).isEqualTo("org.jboss.logging.JDKLogger");
  }

  @Test
  void errorInsideSpanIsExportedOnceWithSpanAndException() {
    Span span = TRACER.spanBuilder("request").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      LOGGER.errorf(new IllegalStateException("card declined"), "payment %d failed", 7);
    } finally {
      span.end();
    }
    LOGGER.info("marker after the payment");

    recordWithBody("marker after the payment");
    assertThat(AgentTesting.logRecords())
        .filteredOn(r -> "payment 7 failed".equals(r.getBodyValue().asString()))
        .singleElement()
        .satisfies(
            record ->
                assertThat(record)
                    .hasInstrumentationScope(InstrumentationScopeInfo.create("test.jboss"))
                    .hasSeverity(Severity.ERROR)
                    .hasSeverityText("ERROR")
                    .hasSpanContext(span.getSpanContext())
                    .hasAttributesSatisfyingExactly(
                        equalTo(stringKey("thread.name"), Thread.currentThread().getName()),
                        equalTo(longKey("thread.id"), Thread.currentThread().getId()),
                        equalTo(stringKey("exception.type"), "java.lang.IllegalStateException"),
                        equalTo(stringKey("exception.message"), "card declined"),
                        satisfies(
                            stringKey("exception.stacktrace"),
                            trace ->
                                trace
                                    .startsWith("java.lang.IllegalStateException: card declined")
                                    .contains("errorInsideSpanIsExportedOnceWithSpanAndException"))));
  }

  @Test
  void messageFormatParametersAreFormatted() {
    LOGGER.infov("order {0} late by {1} min", "A-7", 12);

    assertThat(recordWithBody("order A-7 late by 12 min"))
        .hasSeverity(Severity.INFO)
        .hasSeverityText("INFO")
        .hasSpanContext(SpanContext.getInvalid());
  }

  @Test
  void jbossLevelsMapToTheirSeverities() {
    LOGGER.warn("jboss warn");
    LOGGER.fatal("jboss fatal");
    LOGGER.debug("jboss debug is below INFO");
    LOGGER.info("marker after the levels");

    recordWithBody("marker after the levels");
    assertThat(recordWithBody("jboss warn")).hasSeverity(Severity.WARN).hasSeverityText("WARN");
    assertThat(recordWithBody("jboss fatal")).hasSeverity(Severity.FATAL).hasSeverityText("FATAL");
    assertThat(AgentTesting.logRecords())
        .noneMatch(r -> "jboss debug is below INFO".equals(r.getBodyValue().asString()));
    assertThat(AgentTesting.logRecords())
        .filteredOn(r -> r.getBodyValue().asString().startsWith("jboss "))
        .hasSize(2);
  }
}
