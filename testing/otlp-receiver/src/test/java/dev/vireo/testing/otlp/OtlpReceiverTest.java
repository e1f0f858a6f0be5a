package dev.vireo.testing.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OtlpReceiverTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private OtlpReceiver receiver;

  @BeforeEach
  void start() {
    receiver = OtlpReceiver.open();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void endpointsAreLoopbackPortsChosenByTheOs() {
    assertThat(receiver.grpcPort()).isPositive().isNotEqualTo(receiver.httpPort());
    assertThat(receiver.grpcEndpoint()).isEqualTo("http://127.0.0.1:" + receiver.grpcPort());
    assertThat(receiver.httpEndpoint()).isEqualTo("http://127.0.0.1:" + receiver.httpPort());
    assertThat(receiver.isRunning()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void spansArriveWithEveryField(Protocol protocol) {
    List<SpanData> sent = SampleSpans.serverAndClient();
    SpanData server = sent.get(0);
    SpanData client = sent.get(1);

    assertThat(Exporters.to(receiver, protocol).export(sent)).isTrue();

    List<ReceivedSpan> spans = receiver.awaitSpanCount(2, WAIT);
    assertThat(spans).hasSize(2);
    ReceivedSpan receivedServer = spans.get(0);
    assertThat(receivedServer.traceId()).isEqualTo(server.getTraceId()).hasSize(32);
    assertThat(receivedServer.spanId()).isEqualTo(server.getSpanId()).hasSize(16);
    assertThat(receivedServer.parentSpanId()).isEmpty();
    assertThat(receivedServer.isRoot()).isTrue();
    assertThat(receivedServer.name()).isEqualTo("GET /users/{id}");
    assertThat(receivedServer.kind()).isEqualTo("SERVER");
    assertThat(receivedServer.statusCode()).isEqualTo("ERROR");
    assertThat(receivedServer.statusMessage()).isEqualTo("boom");
    assertThat(receivedServer.attributes()).containsExactly(
        Map.entry("http.request.method", "GET"),
        Map.entry("http.response.status_code", 500L),
        Map.entry("test.flag", true),
        Map.entry("test.ratio", 0.5),
        Map.entry("test.tags", List.of("a", "b")));
    assertThat(receivedServer.events()).containsExactly(new ReceivedEvent("exception", 1_500_000_000L,
        Map.of("exception.type", "java.io.IOException")));
    assertThat(receivedServer.links()).isEmpty();
    assertThat(receivedServer.startEpochNanos()).isEqualTo(1_000_000_000L);
    assertThat(receivedServer.endEpochNanos()).isEqualTo(2_000_000_000L);
    assertThat(receivedServer.scopeName()).isEqualTo("test-scope");
    assertThat(receivedServer.scopeVersion()).isEqualTo("1.2.3");
    assertThat(receivedServer.resourceAttribute("service.name")).isEqualTo("receiver-test");
    assertThat(receivedServer.resourceAttribute("test.instance")).isEqualTo(7L);
    assertThat(receivedServer.resourceAttribute("telemetry.sdk.language")).isEqualTo("java");
    assertThat(receivedServer.protocol()).isEqualTo(protocol);

    ReceivedSpan receivedClient = spans.get(1);
    assertThat(receivedClient.traceId()).isEqualTo(server.getTraceId());
    assertThat(receivedClient.spanId()).isEqualTo(client.getSpanId());
    assertThat(receivedClient.parentSpanId()).isEqualTo(server.getSpanId());
    assertThat(receivedClient.kind()).isEqualTo("CLIENT");
    assertThat(receivedClient.statusCode()).isEqualTo("UNSET");
    assertThat(receivedClient.attributes()).isEmpty();
    assertThat(receivedClient.links()).containsExactly(
        new ReceivedLink(server.getTraceId(), server.getSpanId(), Map.of("link.reason", "test")));

    assertThat(receiver.requestCount(protocol)).isEqualTo(1);
    assertThat(receiver.requestCount(protocol, Signal.TRACES)).isEqualTo(1);
    assertThat(receiver.requestCount(other(protocol))).isZero();
    assertThat(receiver.traceRequests()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void gzipCompressedExportsAreDecoded(Protocol protocol) {
    assertThat(Exporters.to(receiver, protocol).gzip().export(SampleSpans.serverAndClient())).isTrue();

    assertThat(receiver.awaitSpanCount(2, WAIT)).extracting(ReceivedSpan::name)
        .containsExactly("GET /users/{id}", "SELECT test.users");
    String encodingHeader = protocol == Protocol.GRPC ? "grpc-encoding" : "content-encoding";
    assertThat(receiver.lastRequestHeaders(protocol).get(encodingHeader)).containsExactly("gzip");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void recordsTheHeadersOfTheLastRequest(Protocol protocol) {
    Exporters.to(receiver, protocol).header("x-api-key", "secret-1").header("tenant", "blue")
        .export(SampleSpans.serverAndClient());

    Map<String, List<String>> headers = receiver.lastRequestHeaders();
    assertThat(headers.get("x-api-key")).containsExactly("secret-1");
    assertThat(headers.get("tenant")).containsExactly("blue");
    assertThat(receiver.lastRequestHeaders(protocol)).isEqualTo(headers);
    assertThat(receiver.lastRequestHeaders(other(protocol))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void metricsAndLogsAreAcceptedAndStored(Protocol protocol) {
    MetricExporter metricExporter = protocol == Protocol.GRPC
        ? OtlpGrpcMetricExporter.builder().setEndpoint(receiver.grpcEndpoint()).build()
        : OtlpHttpMetricExporter.builder().setEndpoint(receiver.httpEndpoint() + "/v1/metrics").build();
    try (SdkMeterProvider meters = SdkMeterProvider.builder()
        .registerMetricReader(PeriodicMetricReader.builder(metricExporter).setInterval(Duration.ofHours(1)).build())
        .build()) {
      meters.get("test-meter").counterBuilder("test.requests").build().add(3);
      assertThat(meters.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }
    LogRecordExporter logExporter = protocol == Protocol.GRPC
        ? OtlpGrpcLogRecordExporter.builder().setEndpoint(receiver.grpcEndpoint()).build()
        : OtlpHttpLogRecordExporter.builder().setEndpoint(receiver.httpEndpoint() + "/v1/logs").build();
    try (SdkLoggerProvider logs =
        SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(logExporter)).build()) {
      Logger logger = logs.get("test-logger");
      logger.logRecordBuilder().setBody("first").emit();
      logger.logRecordBuilder().setBody("second").setAllAttributes(Attributes.of(AttributeKey.stringKey("k"), "v"))
          .emit();
      assertThat(logs.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    assertThat(receiver.metricNames()).contains("test.requests");
    assertThat(receiver.metricsRequests()).isNotEmpty();
    assertThat(receiver.requestCount(protocol, Signal.METRICS)).isEqualTo(receiver.metricsRequests().size());
    assertThat(receiver.logRecordCount()).isEqualTo(2);
    // SimpleLogRecordProcessor exports each record on its own, concurrently: arrival order is not fixed.
    assertThat(receiver.logsRequests())
        .extracting(request -> request.getResourceLogs(0).getScopeLogs(0).getLogRecords(0).getBody().getStringValue())
        .containsExactlyInAnyOrder("first", "second");
    assertThat(receiver.requestCount(protocol, Signal.LOGS)).isEqualTo(2);
    assertThat(receiver.spans()).isEmpty();
  }

  @Test
  void clearForgetsEverythingButKeepsTheBehaviour() {
    Exporters.to(receiver, Protocol.HTTP).header("x-a", "1").export(SampleSpans.serverAndClient());
    receiver.awaitSpanCount(2, WAIT);
    receiver.setBehaviour(ExportBehaviour.badRequest());

    receiver.clear();

    assertThat(receiver.spans()).isEmpty();
    assertThat(receiver.traceRequests()).isEmpty();
    assertThat(receiver.requestCount(Protocol.HTTP)).isZero();
    assertThat(receiver.lastRequestHeaders()).isEmpty();
    assertThat(receiver.behaviour().kind()).isEqualTo(ExportBehaviour.Kind.BAD_REQUEST);
  }

  @Test
  void awaitSpansFailsWithWhatWasReceivedWhenTheConditionNeverHolds() {
    Exporters.to(receiver, Protocol.GRPC).export(SampleSpans.serverAndClient());
    receiver.awaitSpanCount(2, WAIT);

    assertThatThrownBy(() -> receiver.awaitSpans(
        spans -> spans.stream().anyMatch(s -> s.name().equals("never")), Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Timed out after PT0.2S")
        .hasMessageContaining("GET /users/{id}");
  }

  @Test
  void awaitSpansReturnsOnceSpansArriveLater() throws Exception {
    Thread sender = new Thread(() -> {
      sleep(300);
      Exporters.to(receiver, Protocol.HTTP).export(SampleSpans.serverAndClient());
    });
    sender.start();

    List<ReceivedSpan> spans = receiver.awaitSpans(
        list -> list.stream().anyMatch(s -> s.kind().equals("CLIENT")), WAIT);

    assertThat(spans).extracting(ReceivedSpan::kind).containsExactly("SERVER", "CLIENT");
    sender.join();
  }

  static Protocol other(Protocol protocol) {
    return protocol == Protocol.GRPC ? Protocol.HTTP : Protocol.GRPC;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
