package dev.vireo.instrumentation.logback;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The application logs through JBoss Logging (as Hibernate does), which picks its provider from the class path:
 * SLF4J straight to Logback here; in logback-1.5-tests, where log4j-to-slf4j is present as in a Spring Boot
 * application, the Log4j 2 API first, which hands the call on to SLF4J and Logback. Either way the line is
 * Logback's, with the current span's ids, and the record is exported once, by the Logback instrumentation.
 */
@ExtendWith(AgentTestingExtension.class)
class JbossLoggingToLogbackTest {

  private static final Tracer TRACER = VireoTelemetry.get().getTracer("jboss-logging-test");
  private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();
  private static final Logger LOGGER = Logger.getLogger("test.jboss");

  @BeforeAll
  static void configureLogback() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger logger = context.getLogger("test.jboss");
    logger.setAdditive(false);
    logger.setLevel(Level.INFO);
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%X{trace_id}|%X{span_id}|%X{trace_flags}|%X{order_id}|%msg%n");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("jboss-output");
    appender.setEncoder(encoder);
    appender.setOutputStream(OUTPUT);
    appender.start();
    logger.addAppender(appender);
  }

  /** The output line of {@code message} (the appender is synchronous: it is written when the call returns). */
  private static String lineOf(String message) {
    String output;
    synchronized (OUTPUT) {
      output = new String(OUTPUT.toByteArray(), StandardCharsets.UTF_8);
    }
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
  void jbossLoggingDelegatesAsTheClassPathSays() {
    assertThat(LOGGER.getClass().getName()).isEqualTo(System.getProperty("vireo.test.jboss-logging-logger"));
  }

  @Test
  void linesInsideSpanCarryItsIdsAndLinesOutsideNone() {
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
  void errorInsideSpanIsExportedOnceWithSpanExceptionAndJbossMdc() {
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
  void levelsMapThroughSlf4j() {
    LOGGER.warn("jboss warn");
    LOGGER.fatal("jboss fatal");
    LOGGER.debug("jboss debug is below INFO");
    LOGGER.info("marker after the levels");

    recordWithBody("marker after the levels");
    assertThat(recordWithBody("jboss warn"))
        .hasSeverity(Severity.WARN)
        .hasSeverityText("WARN")
        .hasSpanContext(SpanContext.getInvalid());
    // SLF4J has no FATAL: JBoss Logging hands it on as ERROR, and that is what Logback logs
    assertThat(recordWithBody("jboss fatal")).hasSeverity(Severity.ERROR).hasSeverityText("ERROR");
    assertThat(AgentTesting.logRecords())
        .noneMatch(r -> "jboss debug is below INFO".equals(r.getBodyValue().asString()));
    assertThat(AgentTesting.logRecords())
        .filteredOn(r -> r.getBodyValue().asString().startsWith("jboss "))
        .hasSize(2);
  }
}
