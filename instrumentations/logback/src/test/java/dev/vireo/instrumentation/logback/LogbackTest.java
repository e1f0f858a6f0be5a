package dev.vireo.instrumentation.logback;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Real Logback, configured with a {@code %X{trace_id}} pattern, a plain and an async appender. */
@ExtendWith(AgentTestingExtension.class)
class LogbackTest {

  private static final String PATTERN = "%X{trace_id}|%X{span_id}|%X{trace_flags}|%msg%n";
  private static final Tracer TRACER = VireoTelemetry.get().getTracer("logback-test");
  private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();

  private static Logger sync;
  private static Logger async;
  private static AsyncAppender asyncAppender;

  @BeforeAll
  static void configureLogback() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    sync = context.getLogger("test.sync");
    sync.setAdditive(false);
    sync.addAppender(outputAppender(context, "sync-output"));
    async = context.getLogger("test.async");
    async.setAdditive(false);
    asyncAppender = new AsyncAppender();
    asyncAppender.setContext(context);
    asyncAppender.setName("async");
    asyncAppender.addAppender(outputAppender(context, "async-output"));
    asyncAppender.start();
    async.addAppender(asyncAppender);
  }

  @AfterAll
  static void stopAsync() {
    asyncAppender.stop();
  }

  private static Appender<ILoggingEvent> outputAppender(LoggerContext context, String name) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName(name);
    appender.setEncoder(encoder);
    appender.setOutputStream(OUTPUT);
    appender.start();
    return appender;
  }

  /** The output line of {@code message}, waiting for it (an async appender writes it later). */
  private static String lineOf(String message) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String output;
      synchronized (OUTPUT) {
        output = new String(OUTPUT.toByteArray(), StandardCharsets.UTF_8);
      }
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
      sync.info("inside the request");
    } finally {
      span.end();
    }
    sync.info("after the request");

    assertThat(lineOf("inside the request")).isEqualTo(ids(span.getSpanContext()) + "inside the request");
    assertThat(lineOf("after the request")).isEqualTo("|||after the request");
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
                      sync.info("first request");
                    } finally {
                      span.end();
                    }
                    return span;
                  })
              .get(10, TimeUnit.SECONDS);
      pool.submit(() -> sync.info("second request, no span")).get(10, TimeUnit.SECONDS);

      assertThat(lineOf("first request")).isEqualTo(ids(first.getSpanContext()) + "first request");
      assertThat(lineOf("second request, no span")).isEqualTo("|||second request, no span");
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void asyncAppenderWritesTheLoggingCallsIds() throws Exception {
    Span span = TRACER.spanBuilder("request").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      async.info("async inside");
    } finally {
      span.end();
    }
    async.info("async outside");

    assertThat(lineOf("async inside")).isEqualTo(ids(span.getSpanContext()) + "async inside");
    assertThat(lineOf("async outside")).isEqualTo("|||async outside");
  }

  @Test
  void idsTheApplicationPutInTheMdcAreKept() throws Exception {
    Span span = TRACER.spanBuilder("request").startSpan();
    MDC.put("trace_id", "own");
    MDC.put("span_id", "own-span");
    MDC.put("trace_flags", "00");
    try (Scope ignored = span.makeCurrent()) {
      sync.info("own ids");
    } finally {
      span.end();
      MDC.clear();
    }
    assertThat(lineOf("own ids")).isEqualTo("own|own-span|00|own ids");
  }

  @Test
  void eventInsideSpanBecomesLogRecordWithSpanExceptionAndMdc() {
    Span span = TRACER.spanBuilder("request").startSpan();
    MDC.put("order_id", "42");
    MDC.put("not_captured", "x");
    try (Scope ignored = span.makeCurrent()) {
      sync.error("payment {} failed", 7, new IllegalStateException("card declined"));
    } finally {
      span.end();
      MDC.clear();
    }

    LogRecordData record = AgentTesting.waitForLogRecord(r -> "payment 7 failed".equals(r.getBodyValue().asString()), "payment");
    assertThat(record)
        .hasInstrumentationScope(io.opentelemetry.sdk.common.InstrumentationScopeInfo.create("test.sync"))
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
                trace -> trace.startsWith("java.lang.IllegalStateException: card declined")
                    .contains("eventInsideSpanBecomesLogRecordWithSpanExceptionAndMdc")),
            equalTo(stringKey("order_id"), "42"));
    assertThat(record.getTimestampEpochNanos()).isPositive();
  }

  @Test
  void eventOutsideSpanBecomesLogRecordWithoutSpan() {
    sync.warn("no span here");

    LogRecordData record = AgentTesting.waitForLogRecord(r -> "no span here".equals(r.getBodyValue().asString()), "warn");
    assertThat(record)
        .hasSeverity(Severity.WARN)
        .hasSeverityText("WARN")
        .hasSpanContext(SpanContext.getInvalid())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("thread.name"), Thread.currentThread().getName()),
            equalTo(longKey("thread.id"), Thread.currentThread().getId()));
  }

  @Test
  void openTelemetrySdkLoggingIsNotCaptured() {
    LoggerFactory.getLogger("io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor").warn("sdk line");
    sync.info("marker after the sdk line");

    AgentTesting.waitForLogRecord(r -> "marker after the sdk line".equals(r.getBodyValue().asString()), "marker");
    assertThat(AgentTesting.logRecords()).noneMatch(r -> "sdk line".equals(r.getBodyValue().asString()));
  }

  @Test
  void aLineLoggedWhileARecordIsBuiltIsNotCapturedAndTheNextLineIs() throws Exception {
    Object loggingArgument =
        new Object() {
          @Override
          public String toString() {
            sync.info("nested line");
            return "argument";
          }
        };

    sync.info("outer line with {}", loggingArgument);
    sync.info("line after the nested one");

    AgentTesting.waitForLogRecord(r -> "line after the nested one".equals(r.getBodyValue().asString()), "after");
    assertThat(AgentTesting.logRecords()).anyMatch(r -> "outer line with argument".equals(r.getBodyValue().asString()));
    // the nested call ran inside the outer record's emit (formatting its body): written, not exported
    assertThat(lineOf("nested line")).isEqualTo("|||nested line");
    assertThat(AgentTesting.logRecords()).noneMatch(r -> "nested line".equals(r.getBodyValue().asString()));
  }
}
