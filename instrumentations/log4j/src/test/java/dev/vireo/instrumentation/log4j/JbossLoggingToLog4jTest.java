package dev.vireo.instrumentation.log4j;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application logs through JBoss Logging (as Hibernate does), which finds the Log4j 2 API on the class path
 * and logs through it (log4j2-test.xml: logger {@code test.jboss}, a {@code %X{trace_id}} pattern): the line is
 * Log4j's, with the current span's ids, and the record is exported once, by the Log4j instrumentation.
 */
@ExtendWith(AgentTestingExtension.class)
class JbossLoggingToLog4jTest {

  private static final Tracer TRACER = VireoTelemetry.get().getTracer("jboss-logging-test");
  private static final Logger LOGGER = Logger.getLogger("test.jboss");

  /** The line of {@code message} (the file appender flushes each line before the call returns). */
  private static String lineOf(String message) throws Exception {
    Path path = Paths.get("target/log4j-test/jboss.log");
    String output = Files.exists(path) ? new String(Files.readAllBytes(path), StandardCharsets.UTF_8) : "";
    for (String line : output.split("\n")) {
      if (line.endsWith("|" + message)) {
        return line;
      }
    }
    throw new AssertionError("no line for " + message + " in:\n" + output);
  }

  private static String ids(SpanContext span) {
    return span.getTraceId() + "|" + span.getSpanId() + "|" + span.getTraceFlags().asHex() + "|";
  }

  private static LogRecordData recordWithBody(String body) {
    return AgentTesting.waitForLogRecord(r -> body.equals(r.getBodyValue().asString()), body);
  }

  @Test
  void jbossLoggingDelegatesToLog4j() {
    assertThat(LOGGER.getClass().getName()).isEqualTo("org.jboss.logging.Log4j2Logger");
  }

  @Test
  void linesInsideSpanCarryItsIdsAndLinesOutsideNone() throws Exception {
    Span span = TRACER.spanBuilder("request").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      LOGGER.infof("order %s inside the request", "A-7");
    } finally {
      span.end();
    }
    LOGGER.info("after the request");

    assertThat(lineOf("order A-7 inside the request"))
        .isEqualTo(ids(span.getSpanContext()) + "|order A-7 inside the request");
    assertThat(lineOf("after the request")).isEqualTo("||||after the request");
  }

  @Test
  void errorInsideSpanIsExportedOnceWithSpanExceptionAndJbossMdc() throws Exception {
    Span span = TRACER.spanBuilder("request").startSpan();
    MDC.put("order_id", "42");
    try (Scope ignored = span.makeCurrent()) {
      LOGGER.errorf(new IllegalStateException("card declined"), "payment %d failed", 7);
    } finally {
      span.end();
      MDC.remove("order_id");
    }
    LOGGER.info("marker after the payment");

    assertThat(lineOf("payment 7 failed")).isEqualTo(ids(span.getSpanContext()) + "42|payment 7 failed");
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
                                    .contains("errorInsideSpanIsExportedOnceWithSpanExceptionAndJbossMdc")),
                        equalTo(stringKey("order_id"), "42")));
  }

  @Test
  void levelsMapToLog4jLevels() {
    LOGGER.warn("jboss warn");
    LOGGER.fatal("jboss fatal");
    LOGGER.debug("jboss debug is below INFO");
    LOGGER.info("marker after the levels");

    recordWithBody("marker after the levels");
    assertThat(recordWithBody("jboss warn"))
        .hasSeverity(Severity.WARN)
        .hasSeverityText("WARN")
        .hasSpanContext(SpanContext.getInvalid());
    assertThat(recordWithBody("jboss fatal")).hasSeverity(Severity.FATAL).hasSeverityText("FATAL");
    assertThat(AgentTesting.logRecords())
        .noneMatch(r -> "jboss debug is below INFO".equals(r.getBodyValue().asString()));
    assertThat(AgentTesting.logRecords())
        .filteredOn(r -> r.getBodyValue().asString().startsWith("jboss "))
        .hasSize(2);
  }
}
