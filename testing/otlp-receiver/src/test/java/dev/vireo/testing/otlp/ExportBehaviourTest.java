package dev.vireo.testing.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.rpc.RetryInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each failure mode, seen from the exporter's side (and on the wire where the exporter hides the details). */
class ExportBehaviourTest {

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

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void badRequestFailsTheExportWithoutRetrying(Protocol protocol) {
    receiver.setBehaviour(ExportBehaviour.badRequest());

    boolean success = Exporters.to(receiver, protocol).retries(5).export(SampleSpans.serverAndClient());

    assertThat(success).isFalse();
    assertThat(receiver.requestCount(protocol)).isEqualTo(1);
    assertThat(receiver.spans()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void unavailableFailsTheExportWhenTheExporterDoesNotRetry(Protocol protocol) {
    receiver.setBehaviour(ExportBehaviour.unavailable(Duration.ofMillis(100)));

    assertThat(Exporters.to(receiver, protocol).export(SampleSpans.serverAndClient())).isFalse();

    assertThat(receiver.requestCount(protocol)).isEqualTo(1);
    assertThat(receiver.spans()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void unavailableIsRetriedUntilTheReceiverAccepts(Protocol protocol) {
    receiver.setBehaviourForNext(2, ExportBehaviour.unavailable(Duration.ofMillis(100)));

    assertThat(Exporters.to(receiver, protocol).retries(5).export(SampleSpans.serverAndClient())).isTrue();

    assertThat(receiver.requestCount(protocol)).isEqualTo(3);
    assertThat(receiver.spans()).hasSize(2);
    assertThat(receiver.behaviour().kind()).isEqualTo(ExportBehaviour.Kind.OK);
  }

  @Test
  void httpUnavailableSendsRetryAfterInWholeSecondsRoundedUp() throws Exception {
    receiver.setBehaviour(ExportBehaviour.unavailable(Duration.ofMillis(1500)));

    HttpResponse<byte[]> response = post(receiver.httpEndpoint() + "/v1/traces", "application/x-protobuf");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    com.google.rpc.Status status = com.google.rpc.Status.parseFrom(response.body());
    assertThat(status.getCode()).isEqualTo(com.google.rpc.Code.UNAVAILABLE_VALUE);
    assertThat(status.getDetails(0).unpack(RetryInfo.class).getRetryDelay().getNanos()).isEqualTo(500_000_000);
  }

  @Test
  void httpAnswersOkWithAnEmptyProtobufBodyAndRejectsOtherContentTypes() throws Exception {
    HttpResponse<byte[]> ok = post(receiver.httpEndpoint() + "/v1/traces", "application/x-protobuf");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
    assertThat(ok.body()).isEmpty();

    assertThat(post(receiver.httpEndpoint() + "/v1/traces", "application/json").statusCode()).isEqualTo(415);
    assertThat(post(receiver.httpEndpoint() + "/v1/tracesX", "application/x-protobuf").statusCode()).isEqualTo(404);
  }

  @Test
  void httpAnswersMalformedBodiesWith400() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<byte[]> notGzip = client.send(HttpRequest.newBuilder(URI.create(receiver.httpEndpoint() + "/v1/traces"))
        .header("Content-Type", "application/x-protobuf")
        .header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3, 4}))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> notProtobuf = client.send(HttpRequest.newBuilder(URI.create(receiver.httpEndpoint() + "/v1/traces"))
        .header("Content-Type", "application/x-protobuf")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, (byte) 0xff}))
        .build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(notGzip.statusCode()).isEqualTo(400);
    assertThat(notProtobuf.statusCode()).isEqualTo(400);
    assertThat(receiver.traceRequests()).isEmpty();
  }

  @Test
  void httpBadRequestIs400WithAStatusBody() throws Exception {
    receiver.setBehaviour(ExportBehaviour.badRequest());

    HttpResponse<byte[]> response = post(receiver.httpEndpoint() + "/v1/metrics", "application/x-protobuf");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(com.google.rpc.Status.parseFrom(response.body()).getCode())
        .isEqualTo(com.google.rpc.Code.INVALID_ARGUMENT_VALUE);
    assertThat(receiver.requestCount(Protocol.HTTP, Signal.METRICS)).isEqualTo(1);
  }

  @Test
  void grpcUnavailableCarriesRetryInfo() throws Exception {
    receiver.setBehaviour(ExportBehaviour.unavailable(Duration.ofMillis(1500)));
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", receiver.grpcPort()).usePlaintext().build();
    try {
      TraceServiceGrpc.TraceServiceBlockingStub stub =
          TraceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);

      StatusRuntimeException error = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
          () -> stub.export(ExportTraceServiceRequest.getDefaultInstance()));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      Any detail = StatusProto.fromThrowable(error).getDetails(0);
      com.google.protobuf.Duration delay = detail.unpack(RetryInfo.class).getRetryDelay();
      assertThat(delay.getSeconds()).isEqualTo(1);
      assertThat(delay.getNanos()).isEqualTo(500_000_000);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void grpcBadRequestIsInvalidArgument() throws Exception {
    receiver.setBehaviour(ExportBehaviour.badRequest());
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", receiver.grpcPort()).usePlaintext().build();
    try {
      StatusRuntimeException error = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
          () -> TraceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
              .export(ExportTraceServiceRequest.getDefaultInstance()));
      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void hangMakesTheExportTimeOut(Protocol protocol) {
    receiver.setBehaviour(ExportBehaviour.hang());
    long start = System.nanoTime();

    boolean success = Exporters.to(receiver, protocol).timeout(Duration.ofMillis(500))
        .export(SampleSpans.serverAndClient());

    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(success).isFalse();
    assertThat(elapsedMillis).isBetween(400L, 9_000L);
    receiver.awaitRequests(protocol, 1, WAIT);
    assertThat(receiver.requestCount(protocol)).isEqualTo(1);
    assertThat(receiver.spans()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void stoppedReceiverRefusesExportsAndComesBackOnTheSamePort(Protocol protocol) {
    String grpcEndpoint = receiver.grpcEndpoint();
    String httpEndpoint = receiver.httpEndpoint();
    receiver.stop();
    assertThat(receiver.isRunning()).isFalse();

    assertThat(Exporters.to(receiver, protocol).timeout(Duration.ofSeconds(2)).export(SampleSpans.serverAndClient()))
        .isFalse();
    assertThat(receiver.requestCount(protocol)).isZero();

    receiver.start();
    assertThat(receiver.grpcEndpoint()).isEqualTo(grpcEndpoint);
    assertThat(receiver.httpEndpoint()).isEqualTo(httpEndpoint);
    assertThat(Exporters.to(receiver, protocol).export(SampleSpans.serverAndClient())).isTrue();
    assertThat(receiver.awaitSpanCount(2, WAIT)).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void restartAfterServingTrafficRebindsTheSamePort(Protocol protocol) {
    assertThat(Exporters.to(receiver, protocol).export(SampleSpans.serverAndClient())).isTrue();
    int port = protocol == Protocol.GRPC ? receiver.grpcPort() : receiver.httpPort();

    receiver.stop();
    receiver.start();

    assertThat(protocol == Protocol.GRPC ? receiver.grpcPort() : receiver.httpPort()).isEqualTo(port);
    assertThat(Exporters.to(receiver, protocol).export(SampleSpans.serverAndClient())).isTrue();
    assertThat(receiver.spans()).hasSize(4);
  }

  @Test
  void stopReleasesHungRequests() {
    receiver.setBehaviour(ExportBehaviour.hang());
    Thread exporter = new Thread(() -> Exporters.to(receiver, Protocol.HTTP).timeout(Duration.ofSeconds(30))
        .export(SampleSpans.serverAndClient()));
    exporter.start();
    receiver.awaitRequests(Protocol.HTTP, 1, WAIT);

    long start = System.nanoTime();
    receiver.stop();

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000L);
    assertThat(receiver.isRunning()).isFalse();
  }

  @Test
  void unavailableRejectsNegativeDelays() {
    assertThatThrownBy(() -> ExportBehaviour.unavailable(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static HttpResponse<byte[]> post(String url, String contentType) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(ExportTraceServiceRequest.getDefaultInstance().toByteArray()))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
