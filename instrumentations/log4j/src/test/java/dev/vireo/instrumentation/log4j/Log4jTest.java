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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real Log4j 2 (log4j2-test.xml: a {@code %X{trace_id}} pattern, a file and an async appender). */
@ExtendWith(AgentTestingExtension.class)
class Log4jTest {

  private static final Tracer TRACER = VireoTelemetry.get().getTracer("log4j-test");
  private static final Logger SYNC = LogManager.getLogger("test.sync");
  private static final Logger ASYNC = LogManager.getLogger("test.async");
  private static final Logger ASYNC_LOGGER = LogManager.getLogger("test.asynclogger");

  /** The line of {@code message} in {@code file}, waiting for it (the async appender writes it later). */
  private static String lineOf(String file, String message) throws Exception {
    Path path = Paths.get("target/log4j-test", file);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String output = Files.exists(path) ? new String(Files.readAllBytes(path), StandardCharsets.UTF_8) : "";
      for (String line : output.split("\n")) {
        if (line.endsWith("|" + message)) {
          return line;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no line for " + message + " in:\n" + output);
      }
      Thread.sleep(10);
    }
  }

  private static String ids(SpanContext span) {
    return span.getTraceId() + "|" + span.getSpanId() + "|" + span.getTraceFlags().asHex() + "|";
  }

  @Test
  void linesInsideSpanCarryItsIdsAndLinesOutsideNone() throws Exception {
    Span span = TRACER.spanBuilder("request").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      SYNC.info("inside the request");
    } finally {
      span.end();
    }
    SYNC.info("after the request");

    assertThat(lineOf("sync.log", "inside the request")).isEqualTo(ids(span.getSpanContext()) + "inside the request");
    assertThat(lineOf("sync.log", "after the request")).isEqualTo("|||after the request");
  }

  @Test
  void reusedPoolThreadDoesNotCarryThePreviousRequestsIds() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Span first =
          pool.submit(
                  () -> {
                    Span span = TRACER.spanBuilder("first request").startSpan();
                    try (Scope ignored = span.makeCurrent()) {
                      SYNC.info("first request");
                    } finally {
                      span.end();
                    }
                    return span;
                  })
              .get(10, TimeUnit.SECONDS);
      pool.submit(() -> SYNC.info("second request, no span")).get(10, TimeUnit.SECONDS);

      assertThat(lineOf("sync.log", "first request")).isEqualTo(ids(first.getSpanContext()) + "first request");
      assertThat(lineOf("sync.log", "second request, no span")).isEqualTo("|||second request, no span");
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void asyncAppenderWritesTheLoggingCallsIds() throws Exception {
    Span span = TRACER.spanBuilder("request").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      ASYNC.info("async inside");
    } finally {
      span.end();
    }
    ASYNC.info("async outside");

    assertThat(lineOf("async.log", "async inside")).isEqualTo(ids(span.getSpanContext()) + "async inside");
    assertThat(lineOf("async.log", "async outside")).isEqualTo("|||async outside");
  }

  @Test
  void asyncLoggerWritesTheLoggingCallsIds() throws Exception {
    Span span = TRACER.spanBuilder("request").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      ASYNC_LOGGER.info("async logger inside");
    } finally {
      span.end();
    }
    ASYNC_LOGGER.info("async logger outside");

    assertThat(lineOf("async-logger.log", "async logger inside"))
        .isEqualTo(ids(span.getSpanContext()) + "async logger inside");
    assertThat(lineOf("async-logger.log", "async logger outside")).isEqualTo("|||async logger outside");
    LogRecordData record =
        AgentTesting.waitForLogRecord(r -> "async logger inside".equals(r.getBodyValue().asString()), "async logger");
    assertThat(record).hasSpanContext(span.getSpanContext()).hasSeverity(Severity.INFO);
  }

  @Test
  void threadContextEntriesAreKeptBesideTheIds() throws Exception {
    Span span = TRACER.spanBuilder("request").startSpan();
    ThreadContext.put("trace_id", "own");
    try (Scope ignored = span.makeCurrent()) {
      SYNC.info("own trace id");
    } finally {
      span.end();
      ThreadContext.clearMap();
    }
    assertThat(lineOf("sync.log", "own trace id")).isEqualTo("own|||own trace id");
  }

  @Test
  void eventInsideSpanBecomesLogRecordWithSpanExceptionAndContextData() {
    Span span = TRACER.spanBuilder("request").startSpan();
    ThreadContext.put("order_id", "42");
    ThreadContext.put("not_captured", "x");
    try (Scope ignored = span.makeCurrent()) {
      SYNC.error("payment {} failed", 7, new IllegalStateException("card declined"));
    } finally {
      span.end();
      ThreadContext.clearMap();
    }

    LogRecordData record =
        AgentTesting.waitForLogRecord(r -> "payment 7 failed".equals(r.getBodyValue().asString()), "payment");
    assertThat(record)
        .hasInstrumentationScope(InstrumentationScopeInfo.create("test.sync"))
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
                    trace.startsWith("java.lang.IllegalStateException: card declined")
                        .contains("eventInsideSpanBecomesLogRecordWithSpanExceptionAndContextData")),
            equalTo(stringKey("order_id"), "42"));
  }

  @Test
  void logBuilderCallBecomesOneLogRecord() {
    SYNC.atWarn().log("built {}", "warning");
    SYNC.info("marker after the built warning");

    AgentTesting.waitForLogRecord(r -> "marker after the built warning".equals(r.getBodyValue().asString()), "marker");
    assertThat(AgentTesting.logRecords())
        .filteredOn(r -> "built warning".equals(r.getBodyValue().asString()))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .hasSeverity(Severity.WARN)
                    .hasSeverityText("WARN")
                    .hasSpanContext(SpanContext.getInvalid()));
  }

  @Test
  void levelBelowTheConfiguredOneIsNotExported() {
    SYNC.debug("debug is off");
    SYNC.info("marker after debug");

    AgentTesting.waitForLogRecord(r -> "marker after debug".equals(r.getBodyValue().asString()), "marker");
    assertThat(AgentTesting.logRecords()).noneMatch(r -> "debug is off".equals(r.getBodyValue().asString()));
  }
}
