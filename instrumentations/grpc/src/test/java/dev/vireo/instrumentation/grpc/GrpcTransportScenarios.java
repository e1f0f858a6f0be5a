package dev.vireo.instrumentation.grpc;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Int32Value;
import com.google.protobuf.StringValue;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.agent.Traces;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.testing.assertj.EventDataAssert;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gRPC scenarios, run by a subclass per transport against real grpc-java: the agent must add its
 * interceptors through the transport's own builders.
 */
@ExtendWith(AgentTestingExtension.class)
abstract class GrpcTransportScenarios {

  static final AttributeKey<String> RPC_SYSTEM = stringKey("rpc.system");
  static final AttributeKey<String> RPC_SERVICE = stringKey("rpc.service");
  static final AttributeKey<String> RPC_METHOD = stringKey("rpc.method");
  static final AttributeKey<Long> STATUS_CODE = longKey("rpc.grpc.status_code");
  static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
  static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
  static final AttributeKey<String> PEER_ADDRESS = stringKey("network.peer.address");
  static final AttributeKey<String> NETWORK_TYPE = stringKey("network.type");
  static final AttributeKey<Long> PEER_PORT = longKey("network.peer.port");

  final InventoryService service = new InventoryService();
  final Tracer tracer = VireoTelemetry.get().getTracer("test");
  ExecutorService clientExecutor;
  ExecutorService serverExecutor;
  Server server;
  ManagedChannel channel;

  /** A server builder of the transport under test, for the given service, not yet built. */
  abstract ServerBuilder<?> serverBuilder();

  /** A channel builder of the transport under test, addressed to {@link #server}. */
  abstract ManagedChannelBuilder<?> channelBuilder();

  /** The client span's attributes that depend on the transport (server.*, network.peer.* if known). */
  abstract List<AttributeAssertion> clientAddressAttributes(boolean peerKnown);

  /** The server span's attributes that depend on the transport (network.peer.*). */
  abstract List<AttributeAssertion> serverAddressAttributes();

  @BeforeEach
  void start() throws Exception {
    clientExecutor = Executors.newSingleThreadExecutor();
    serverExecutor = Executors.newSingleThreadExecutor();
    server = serverBuilder().addService(service.definition()).executor(serverExecutor).build().start();
    channel = channelBuilder().executor(clientExecutor).build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    clientExecutor.shutdownNow();
    serverExecutor.shutdownNow();
  }

  @Test
  void unaryCallIsAClientSpanParentOfTheServerSpan() throws Exception {
    Span parent = tracer.spanBuilder("parent").startSpan();
    String reply;
    try (Scope ignored = parent.makeCurrent()) {
      reply = ClientCalls.blockingUnaryCall(channel, InventoryService.RESERVE, CallOptions.DEFAULT, "sku-1");
    } finally {
      parent.end();
    }
    assertThat(reply).isEqualTo("reserved sku-1");

    Trace trace = AgentTesting.waitForSpans(3).trace(0);
    assertThat(trace.size()).isEqualTo(3);
    SpanData client = trace.get(1);
    SpanData serverSpan = trace.get(2);
    trace.span(0).hasName("parent");
    trace.span(1)
        .hasName("demo.Inventory/Reserve")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(clientAttributes("Reserve", 0, null));
    trace.span(2)
        .hasName("demo.Inventory/Reserve")
        .hasKind(SpanKind.SERVER)
        .hasParent(client)
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(serverAttributes("Reserve", 0, null));
    assertThat(service.traceparents.get("Reserve"))
        .containsExactly("00-" + client.getTraceId() + "-" + client.getSpanId() + "-03");
    assertThat(service.handlerSpanIds).containsExactly(serverSpan.getSpanId());
    assertNoContextLeftOnCallbackThreads();
  }

  @Test
  void durationMetricsPerSideWithLowCardinalityAttributes() {
    long clientBefore = totalCount(AgentTesting.collectMetrics(), "rpc.client.duration");
    ClientCalls.blockingUnaryCall(channel, InventoryService.RESERVE, CallOptions.DEFAULT, "sku-3");
    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    SpanData client = trace.get(0);
    SpanData server = trace.spans().stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();

    // Cumulative histograms: this call adds one to the point of exactly its attributes.
    Collection<MetricData> metrics = AgentTesting.collectMetrics();
    AttributesBuilder rpc =
        Attributes.builder()
            .put(RPC_SYSTEM, "grpc")
            .put(RPC_SERVICE, "demo.Inventory")
            .put(RPC_METHOD, "Reserve")
            .put(STATUS_CODE, 0L);
    // both sides: the authority addressed and, over a socket, the peer's network.type (as the OpenTelemetry agent)
    AttributesBuilder clientExpected = rpc.build().toBuilder();
    AttributesBuilder serverExpected = rpc.build().toBuilder();
    for (AttributeKey<?> key : Arrays.<AttributeKey<?>>asList(SERVER_ADDRESS, SERVER_PORT, NETWORK_TYPE)) {
      copy(client, key, clientExpected);
      copy(server, key, serverExpected);
    }
    assertThat(metric(metrics, "rpc.client.duration")).hasUnit("ms");
    assertThat(metric(metrics, "rpc.server.duration")).hasUnit("ms");
    assertThat(totalCount(metrics, "rpc.client.duration")).isEqualTo(clientBefore + 1);
    assertThat(point(metrics, "rpc.client.duration", clientExpected.build())).isNotNull();
    assertThat(point(metrics, "rpc.server.duration", serverExpected.build())).isNotNull();
    for (String name : Arrays.asList("rpc.client.duration", "rpc.server.duration")) {
      for (HistogramPointData p : metric(metrics, name).getHistogramData().getPoints()) {
        assertThat(p.getAttributes().asMap().keySet())
            .allSatisfy(key -> assertThat(key)
                .isIn(RPC_SYSTEM, RPC_SERVICE, RPC_METHOD, STATUS_CODE, SERVER_ADDRESS, SERVER_PORT, NETWORK_TYPE));
      }
    }
  }

  /**
   * Per call, the uncompressed size of its protobuf messages each way, as the OpenTelemetry agent records them: the
   * request {@code StringValue} "sku-12345" is 11 bytes, the response {@code Int32Value} 9 is 2; a call whose messages
   * are not protobuf (the UTF-8 methods) records no size.
   */
  @Test
  void sizeMetricsPerCallOfProtobufMessages() {
    Collection<MetricData> before = AgentTesting.collectMetrics();
    List<String> names = Arrays.asList(
        "rpc.client.request.size", "rpc.client.response.size", "rpc.server.request.size", "rpc.server.response.size");
    Map<String, Long> countsBefore = new HashMap<>();
    Map<String, Double> sumsBefore = new HashMap<>();
    for (String name : names) {
      countsBefore.put(name, totalCount(before, name));
      sumsBefore.put(name, totalSum(before, name));
    }

    ClientCalls.blockingUnaryCall(channel, InventoryService.RESERVE, CallOptions.DEFAULT, "sku-1");
    Int32Value length =
        ClientCalls.blockingUnaryCall(channel, InventoryService.MEASURE, CallOptions.DEFAULT, StringValue.of("sku-12345"));
    assertThat(length.getValue()).isEqualTo(9);
    AgentTesting.waitForSpans(4);

    Collection<MetricData> metrics = AgentTesting.collectMetrics();
    Map<String, Double> added = new HashMap<>();
    for (String name : names) {
      assertThat(metric(metrics, name)).hasUnit("By");
      assertThat(totalCount(metrics, name)).as(name).isEqualTo(countsBefore.get(name) + 1);
      added.put(name, totalSum(metrics, name) - sumsBefore.get(name));
      for (HistogramPointData p : metric(metrics, name).getHistogramData().getPoints()) {
        assertThat(p.getAttributes().get(RPC_METHOD)).isEqualTo("Measure");
        assertThat(p.getAttributes().asMap().keySet())
            .allSatisfy(key -> assertThat(key)
                .isIn(RPC_SYSTEM, RPC_SERVICE, RPC_METHOD, STATUS_CODE, SERVER_ADDRESS, SERVER_PORT, NETWORK_TYPE));
      }
    }
    assertThat(added).containsExactlyInAnyOrderEntriesOf(Map.of(
        "rpc.client.request.size", 11.0,
        "rpc.client.response.size", 2.0,
        "rpc.server.request.size", 11.0,
        "rpc.server.response.size", 2.0));
  }

  private static double totalSum(Collection<MetricData> metrics, String name) {
    return metrics.stream()
        .filter(m -> m.getName().equals(name))
        .flatMap(m -> m.getHistogramData().getPoints().stream())
        .mapToDouble(HistogramPointData::getSum)
        .sum();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void copy(SpanData span, AttributeKey<?> key, AttributesBuilder into) {
    Object value = span.getAttributes().get(key);
    if (value != null) {
      into.put((AttributeKey) key, value);
    }
  }

  private static MetricData metric(Collection<MetricData> metrics, String name) {
    return metrics.stream()
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + metrics));
  }

  private static long totalCount(Collection<MetricData> metrics, String name) {
    return metrics.stream()
        .filter(m -> m.getName().equals(name))
        .flatMap(m -> m.getHistogramData().getPoints().stream())
        .mapToLong(HistogramPointData::getCount)
        .sum();
  }

  private static HistogramPointData point(Collection<MetricData> metrics, String name, Attributes attributes) {
    return metric(metrics, name).getHistogramData().getPoints().stream()
        .filter(p -> p.getAttributes().equals(attributes))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " point with " + attributes));
  }

  @Test
  void callWithoutParentStartsATrace() {
    ClientCalls.blockingUnaryCall(channel, InventoryService.RESERVE, CallOptions.DEFAULT, "sku-2");

    Traces traces = AgentTesting.waitForSpans(2);
    assertThat(traces.size()).isEqualTo(1);
    Trace trace = traces.trace(0);
    trace.span(0).hasKind(SpanKind.CLIENT).hasNoParent();
    trace.span(1).hasKind(SpanKind.SERVER).hasParent(trace.get(0));
  }

  @ParameterizedTest
  @EnumSource(value = Status.Code.class, names = "OK", mode = EnumSource.Mode.EXCLUDE)
  void failedUnaryCallMapsTheStatusCode(Status.Code code) {
    assertThatThrownBy(
            () ->
                ClientCalls.blockingUnaryCall(
                    channel, InventoryService.FAIL, CallOptions.DEFAULT, String.valueOf(code.value())))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(code));

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    boolean serverError =
        Arrays.asList(
                Status.Code.UNKNOWN,
                Status.Code.DEADLINE_EXCEEDED,
                Status.Code.UNIMPLEMENTED,
                Status.Code.INTERNAL,
                Status.Code.UNAVAILABLE,
                Status.Code.DATA_LOSS)
            .contains(code);
    trace.span(0)
        .hasName("demo.Inventory/Fail")
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.error())
        .hasEventsSatisfyingExactly(message("SENT", 1))
        .hasAttributesSatisfyingExactly(clientAttributes("Fail", code.value(), code.name()));
    trace.span(1)
        .hasName("demo.Inventory/Fail")
        .hasKind(SpanKind.SERVER)
        .hasParent(trace.get(0))
        .hasStatus(serverError ? StatusData.error() : StatusData.unset())
        .hasEventsSatisfyingExactly(message("RECEIVED", 1))
        .hasAttributesSatisfyingExactly(serverAttributes("Fail", code.value(), serverError ? code.name() : null));
  }

  @Test
  void handlerThrowingIsAnUnknownServerErrorWithTheException() {
    assertThatThrownBy(
            () -> ClientCalls.blockingUnaryCall(channel, InventoryService.EXPLODE, CallOptions.DEFAULT, "x"))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN));

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0)
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(clientAttributes("Explode", 2, "UNKNOWN"));
    trace.span(1)
        .hasKind(SpanKind.SERVER)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(serverAttributes("Explode", 2, "UNKNOWN"));
    trace.span(1)
        .hasEventsSatisfyingExactly(
            message("RECEIVED", 1),
            event ->
                event
                    .hasName("exception")
                    .hasAttributesSatisfying(
                        equalTo(stringKey("exception.type"), IllegalStateException.class.getName()),
                        equalTo(stringKey("exception.message"), "boom")));
  }

  /** A message event as the OpenTelemetry agent writes it (on by default, {@link MessageEventsTest} for more). */
  static Consumer<EventDataAssert> message(String type, long id) {
    return event ->
        event
            .hasName("message")
            .hasAttributesSatisfyingExactly(equalTo(stringKey("message.type"), type), equalTo(longKey("message.id"), id));
  }

  @Test
  void serverStreamingIsOneSpanPerSideEndingWhenTheCallCloses() {
    List<String> updates = new ArrayList<>();
    Iterator<String> stream =
        ClientCalls.blockingServerStreamingCall(channel, InventoryService.WATCH, CallOptions.DEFAULT, "3");
    stream.forEachRemaining(updates::add);
    assertThat(updates).containsExactly("update 0", "update 1", "update 2");

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    assertThat(AgentTesting.spans()).hasSize(2);
    trace.span(0)
        .hasName("demo.Inventory/Watch")
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(clientAttributes("Watch", 0, null));
    trace.span(1)
        .hasName("demo.Inventory/Watch")
        .hasKind(SpanKind.SERVER)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(serverAttributes("Watch", 0, null));
  }

  @Test
  void bidiStreamingRunsEveryCallbackInTheCallsContext() throws Exception {
    Span parent = tracer.spanBuilder("parent").startSpan();
    Queue<String> clientCallbackSpanIds = new ConcurrentLinkedQueue<>();
    List<String> echoes = new ArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    try (Scope ignored = parent.makeCurrent()) {
      StreamObserver<String> requests =
          ClientCalls.asyncBidiStreamingCall(
              channel.newCall(InventoryService.CHAT, CallOptions.DEFAULT),
              new StreamObserver<String>() {
                @Override
                public void onNext(String value) {
                  clientCallbackSpanIds.add(Span.current().getSpanContext().getSpanId());
                  echoes.add(value);
                }

                @Override
                public void onError(Throwable t) {
                  done.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {
                  clientCallbackSpanIds.add(Span.current().getSpanContext().getSpanId());
                  done.complete(null);
                }
              });
      requests.onNext("a");
      requests.onNext("b");
      requests.onNext("c");
      requests.onCompleted();
    } finally {
      parent.end();
    }
    done.get(10, TimeUnit.SECONDS);
    assertThat(echoes).containsExactly("echo a", "echo b", "echo c");

    Trace trace = AgentTesting.waitForSpans(3).trace(0);
    assertThat(trace.size()).isEqualTo(3);
    trace.span(1)
        .hasName("demo.Inventory/Chat")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(clientAttributes("Chat", 0, null));
    trace.span(2)
        .hasName("demo.Inventory/Chat")
        .hasKind(SpanKind.SERVER)
        .hasParent(trace.get(1))
        .hasAttributesSatisfyingExactly(serverAttributes("Chat", 0, null));
    // The application's callbacks: the caller's context on the client, the server span on the server.
    assertThat(clientCallbackSpanIds).hasSize(4).containsOnly(parent.getSpanContext().getSpanId());
    assertThat(service.handlerSpanIds).hasSize(4).containsOnly(trace.get(2).getSpanId());
    assertNoContextLeftOnCallbackThreads();
  }

  @Test
  void clientStreamingIsOneSpanPerSide() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    StreamObserver<String> requests =
        ClientCalls.asyncClientStreamingCall(
            channel.newCall(InventoryService.UPLOAD, CallOptions.DEFAULT), observer(reply));
    requests.onNext("1");
    requests.onNext("2");
    requests.onCompleted();
    assertThat(reply.join()).isEqualTo("received 2");

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0).hasKind(SpanKind.CLIENT).hasAttributesSatisfyingExactly(clientAttributes("Upload", 0, null));
    trace.span(1)
        .hasKind(SpanKind.SERVER)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(serverAttributes("Upload", 0, null));
    assertThat(service.handlerSpanIds).containsExactly(trace.get(1).getSpanId());
  }

  @Test
  void deadlineExceededEndsBothSpansWithDeadlineExceeded() throws Exception {
    assertThatThrownBy(
            () ->
                ClientCalls.blockingUnaryCall(
                    channel,
                    InventoryService.STALL,
                    CallOptions.DEFAULT.withDeadlineAfter(300, TimeUnit.MILLISECONDS),
                    "x"))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    assertThat(service.cancelled.await(10, TimeUnit.SECONDS)).isTrue();

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0)
        .hasName("demo.Inventory/Stall")
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.error())
        // No response ever came: with grpc's retry support (on by default) whether the call had
        // committed to its stream when the deadline cancelled it, and so knows its peer, is a race.
        .hasAttributesSatisfyingExactly(
            trace.get(0).getAttributes().get(PEER_ADDRESS) != null
                ? clientAttributes("Stall", 4, "DEADLINE_EXCEEDED")
                : clientAttributesWithoutPeer("Stall", 4, "DEADLINE_EXCEEDED"));
    trace.span(1)
        .hasName("demo.Inventory/Stall")
        .hasKind(SpanKind.SERVER)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(serverAttributes("Stall", 4, "DEADLINE_EXCEEDED"));
    assertNoContextLeftOnCallbackThreads();
  }

  @Test
  void cancellationByTheClientEndsBothSpansAsCancelled() throws Exception {
    CountDownLatch firstUpdate = new CountDownLatch(1);
    CompletableFuture<Status> closed = new CompletableFuture<>();
    ClientCall<String, String> call = channel.newCall(InventoryService.WATCH, CallOptions.DEFAULT);
    call.start(
        new ClientCall.Listener<String>() {
          @Override
          public void onMessage(String message) {
            firstUpdate.countDown();
          }

          @Override
          public void onClose(Status status, Metadata trailers) {
            closed.complete(status);
          }
        },
        new Metadata());
    call.request(10);
    call.sendMessage("forever");
    call.halfClose();
    assertThat(firstUpdate.await(10, TimeUnit.SECONDS)).isTrue();
    call.cancel("user gave up", null);
    assertThat(closed.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.CANCELLED);

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0)
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(clientAttributes("Watch", 1, "CANCELLED"));
    trace.span(1)
        .hasKind(SpanKind.SERVER)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(serverAttributes("Watch", 1, null));
    assertNoContextLeftOnCallbackThreads();
  }

  @Test
  void callFromAResponseCallbackIsASiblingNotSuppressed() throws Exception {
    Span parent = tracer.spanBuilder("parent").startSpan();
    CompletableFuture<String> second = new CompletableFuture<>();
    try (Scope ignored = parent.makeCurrent()) {
      ClientCalls.asyncUnaryCall(
          channel.newCall(InventoryService.RESERVE, CallOptions.DEFAULT),
          "first",
          new StreamObserver<String>() {
            @Override
            public void onNext(String value) {}

            @Override
            public void onError(Throwable t) {
              second.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
              ClientCalls.asyncUnaryCall(
                  channel.newCall(InventoryService.RESERVE, CallOptions.DEFAULT), "second", observer(second));
            }
          });
    } finally {
      parent.end();
    }
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("reserved second");

    Trace trace = AgentTesting.waitForSpans(5).trace(0);
    assertThat(trace.size()).isEqualTo(5);
    List<SpanData> clients = trace.spans().stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
    assertThat(clients).hasSize(2).allSatisfy(c -> assertThat(c.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId()));
  }

  @Test
  void applicationInterceptorsOnTheBuilderRunInsideTheClientSpan() throws Exception {
    Queue<String> seenInStart = new ConcurrentLinkedQueue<>();
    ClientInterceptor recording =
        new ClientInterceptor() {
          @Override
          public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return new ForwardingClientCall.SimpleForwardingClientCall<Q, R>(next.newCall(method, options)) {
              @Override
              public void start(Listener<R> listener, Metadata headers) {
                seenInStart.add(Span.current().getSpanContext().getSpanId());
                super.start(listener, headers);
              }
            };
          }
        };
    ManagedChannel intercepted = channelBuilder().intercept(recording).build();
    try {
      ClientCalls.blockingUnaryCall(intercepted, InventoryService.RESERVE, CallOptions.DEFAULT, "x");
    } finally {
      intercepted.shutdownNow();
    }

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0).hasKind(SpanKind.CLIENT);
    assertThat(seenInStart).containsExactly(trace.get(0).getSpanId());
  }

  @Test
  void aBuilderBuildingTwiceAndWrappedChannelsTraceEachCallOnce() throws Exception {
    ManagedChannelBuilder<?> builder = channelBuilder();
    ManagedChannel first = builder.build();
    ManagedChannel second = builder.build();
    assertThat(agentInterceptorCount(builder)).isEqualTo(1);
    Channel wrapped = ClientInterceptors.intercept(second, new NoopInterceptor(), new NoopInterceptor());
    try {
      ClientCalls.blockingUnaryCall(first, InventoryService.RESERVE, CallOptions.DEFAULT, "1");
      ClientCalls.blockingUnaryCall(wrapped, InventoryService.RESERVE, CallOptions.DEFAULT, "2");
    } finally {
      first.shutdownNow();
      second.shutdownNow();
    }

    Traces traces = AgentTesting.waitForSpans(4);
    assertThat(AgentTesting.spans()).hasSize(4);
    assertThat(traces.size()).isEqualTo(2);
    for (Trace trace : traces.all()) {
      trace.span(0).hasKind(SpanKind.CLIENT).hasNoParent();
      trace.span(1).hasKind(SpanKind.SERVER).hasParent(trace.get(0));
    }
    // One traceparent value per call: the interceptor was added to the builder once.
    assertThat(service.traceparents.get("Reserve")).hasSize(1);
  }

  /** Each callback executor thread runs a probe after the call: no context may be left on it. */
  void assertNoContextLeftOnCallbackThreads() throws Exception {
    for (ExecutorService executor : Arrays.asList(clientExecutor, serverExecutor)) {
      Context seen = executor.submit(Context::current).get(10, TimeUnit.SECONDS);
      assertThat(seen).isSameAs(Context.root());
    }
    assertThat(Context.current()).isSameAs(Context.root());
  }

  AttributeAssertion[] clientAttributes(String method, long statusCode, String errorType) {
    List<AttributeAssertion> attributes = rpcAttributes(method, statusCode, errorType);
    attributes.addAll(clientAddressAttributes(true));
    return attributes.toArray(new AttributeAssertion[0]);
  }

  AttributeAssertion[] clientAttributesWithoutPeer(String method, long statusCode, String errorType) {
    List<AttributeAssertion> attributes = rpcAttributes(method, statusCode, errorType);
    attributes.addAll(clientAddressAttributes(false));
    return attributes.toArray(new AttributeAssertion[0]);
  }

  AttributeAssertion[] serverAttributes(String method, long statusCode, String errorType) {
    List<AttributeAssertion> attributes = rpcAttributes(method, statusCode, errorType);
    attributes.addAll(serverAddressAttributes());
    return attributes.toArray(new AttributeAssertion[0]);
  }

  private static List<AttributeAssertion> rpcAttributes(String method, long statusCode, String errorType) {
    List<AttributeAssertion> attributes = new ArrayList<>();
    attributes.add(equalTo(RPC_SYSTEM, "grpc"));
    attributes.add(equalTo(RPC_SERVICE, "demo.Inventory"));
    attributes.add(equalTo(RPC_METHOD, method));
    attributes.add(equalTo(STATUS_CODE, statusCode));
    if (errorType != null) {
      attributes.add(equalTo(ERROR_TYPE, errorType));
    }
    return attributes;
  }

  /** The client span's address attributes over a loopback IPv4 socket to {@code port} (transports with sockets). */
  static List<AttributeAssertion> loopbackClientAttributes(int port, boolean peerKnown) {
    List<AttributeAssertion> attributes = new ArrayList<>();
    attributes.add(equalTo(SERVER_ADDRESS, "127.0.0.1"));
    attributes.add(equalTo(SERVER_PORT, (long) port));
    if (peerKnown) {
      attributes.add(equalTo(PEER_ADDRESS, "127.0.0.1"));
      attributes.add(equalTo(PEER_PORT, (long) port));
      attributes.add(equalTo(NETWORK_TYPE, "ipv4"));
    }
    return attributes;
  }

  /**
   * The server span's address attributes over a loopback IPv4 socket: the authority the client addressed ({@code
   * port}), as the OpenTelemetry agent names it, and the client's end of the connection.
   */
  static List<AttributeAssertion> loopbackServerAttributes(int port) {
    return Arrays.asList(
        equalTo(SERVER_ADDRESS, "127.0.0.1"),
        equalTo(SERVER_PORT, (long) port),
        equalTo(PEER_ADDRESS, "127.0.0.1"),
        positivePort(PEER_PORT),
        equalTo(NETWORK_TYPE, "ipv4"));
  }

  static AttributeAssertion positivePort(AttributeKey<Long> key) {
    return satisfies(key, port -> port.isPositive());
  }

  static <T> StreamObserver<T> observer(CompletableFuture<T> result) {
    return new StreamObserver<T>() {
      private T value;

      @Override
      public void onNext(T next) {
        value = next;
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        result.complete(value);
      }
    };
  }

  static final class NoopInterceptor implements ClientInterceptor {
    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      return next.newCall(method, options);
    }
  }

  /** How many of the agent's interceptors grpc-core's builder behind a transport builder holds. */
  static long agentInterceptorCount(ManagedChannelBuilder<?> builder) throws Exception {
    Object core = builder;
    if (!core.getClass().getName().equals("io.grpc.internal.ManagedChannelImplBuilder")) {
      // delegate() as declared by grpc-api's forwarding builder: the transport builder's own method
      // list may name optional classes (OkHttp's) that are not on the class path.
      Class<?> forwarding = builder.getClass();
      while (!forwarding.getName().startsWith("io.grpc.ForwardingChannelBuilder")) {
        forwarding = forwarding.getSuperclass();
      }
      java.lang.reflect.Method delegate = forwarding.getDeclaredMethod("delegate");
      delegate.setAccessible(true);
      core = delegate.invoke(builder);
    }
    java.lang.reflect.Field field = core.getClass().getDeclaredField("interceptors");
    field.setAccessible(true);
    return ((List<?>) field.get(core))
        .stream()
        .filter(i -> i.getClass().getName().equals("dev.vireo.instrumentation.grpc.TracingClientInterceptor"))
        .count();
  }
}
