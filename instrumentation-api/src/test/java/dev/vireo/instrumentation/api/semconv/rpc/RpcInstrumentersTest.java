package dev.vireo.instrumentation.api.semconv.rpc;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RpcInstrumentersTest {

  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  /** A call as a fake RPC library describes it; its response is the status code. */
  static final class Call {
    final String system;
    final String service;
    final String method;
    final Map<String, String> headers = new HashMap<>();

    Call(String system, String service, String method) {
      this.system = system;
      this.service = service;
      this.method = method;
    }
  }

  static final class CallAttributes implements RpcAttributesGetter<Call, Integer> {
    @Override
    public String system(Call call) {
      return call.system;
    }

    @Override
    public String service(Call call) {
      return call.service;
    }

    @Override
    public String method(Call call) {
      return call.method;
    }

    @Override
    public String serverAddress(Call call) {
      return "inventory.internal";
    }

    @Override
    public Integer serverPort(Call call) {
      return 8443;
    }

    @Override
    public String peerAddress(Call call) {
      return "10.0.0.7";
    }

    @Override
    public Integer peerPort(Call call) {
      return 8443;
    }

    @Override
    public Integer statusCode(Call call, Integer code, Throwable error) {
      return code;
    }
  }

  static final TextMapGetter<Call> HEADERS =
      new TextMapGetter<Call>() {
        @Override
        public Iterable<String> keys(Call carrier) {
          return carrier.headers.keySet();
        }

        @Override
        public String get(Call carrier, String key) {
          return carrier.headers.get(key);
        }
      };

  private static Instrumenter<Call, Integer> client;
  private static Instrumenter<Call, Integer> server;

  @BeforeAll
  static void install() {
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    VireoTelemetry.install(() -> sdk);
    client = RpcInstrumenters.client("test", new CallAttributes(), (call, key, value) -> call.headers.put(key, value));
    server = RpcInstrumenters.server("test", new CallAttributes(), HEADERS);
  }

  @BeforeEach
  void reset() {
    SPANS.reset();
  }

  private static SpanData run(Instrumenter<Call, Integer> instrumenter, Call call, Integer code, Throwable error) {
    Context context = instrumenter.start(Context.root(), call);
    instrumenter.end(context, call, code, error);
    return SPANS.getFinishedSpanItems().get(SPANS.getFinishedSpanItems().size() - 1);
  }

  @Test
  void clientSpanHasTheRpcAttributesAndPropagates() {
    Call call = new Call("grpc", "demo.Inventory", "Reserve");
    SpanData span = run(client, call, 0, null);
    assertThat(span)
        .hasName("demo.Inventory/Reserve")
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("rpc.system"), "grpc"),
            equalTo(stringKey("rpc.service"), "demo.Inventory"),
            equalTo(stringKey("rpc.method"), "Reserve"),
            equalTo(stringKey("server.address"), "inventory.internal"),
            equalTo(longKey("server.port"), 8443L),
            equalTo(stringKey("network.peer.address"), "10.0.0.7"),
            equalTo(longKey("network.peer.port"), 8443L),
            equalTo(stringKey("network.type"), "ipv4"),
            equalTo(longKey("rpc.grpc.status_code"), 0L));
    assertThat(call.headers.get("traceparent")).contains(span.getSpanId());

    SpanData served = run(server, call, 0, null);
    assertThat(served)
        .hasKind(SpanKind.SERVER)
        .hasParentSpanId(span.getSpanId())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("rpc.system"), "grpc"),
            equalTo(stringKey("rpc.service"), "demo.Inventory"),
            equalTo(stringKey("rpc.method"), "Reserve"),
            // the server side names the authority the client addressed too, as the OpenTelemetry agent does
            equalTo(stringKey("server.address"), "inventory.internal"),
            equalTo(longKey("server.port"), 8443L),
            equalTo(stringKey("network.peer.address"), "10.0.0.7"),
            equalTo(longKey("network.peer.port"), 8443L),
            equalTo(stringKey("network.type"), "ipv4"),
            equalTo(longKey("rpc.grpc.status_code"), 0L));
  }

  @Test
  void networkTypeOfThePeerAddress() {
    org.assertj.core.api.Assertions.assertThat(RpcSpanAttributes.networkType("10.0.0.7")).isEqualTo("ipv4");
    org.assertj.core.api.Assertions.assertThat(RpcSpanAttributes.networkType("2001:db8::7")).isEqualTo("ipv6");
    org.assertj.core.api.Assertions.assertThat(RpcSpanAttributes.networkType("::1")).isEqualTo("ipv6");
    // an unresolved host name says nothing of the network
    org.assertj.core.api.Assertions.assertThat(RpcSpanAttributes.networkType("inventory.internal")).isNull();
    org.assertj.core.api.Assertions.assertThat(RpcSpanAttributes.networkType("")).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void grpcStatusRules(int code) {
    String name = GrpcStatusCodes.name(code);
    boolean serverError = code == 2 || code == 4 || code == 12 || code == 13 || code == 14 || code == 15;

    SpanData clientSpan = run(client, new Call("grpc", "demo.Inventory", "Reserve"), code, null);
    assertThat(clientSpan)
        .hasStatus(StatusData.error())
        .hasAttribute(stringKey("error.type"), name)
        .hasAttribute(longKey("rpc.grpc.status_code"), (long) code);

    SpanData serverSpan = run(server, new Call("grpc", "demo.Inventory", "Reserve"), code, null);
    assertThat(serverSpan)
        .hasStatus(serverError ? StatusData.error() : StatusData.unset())
        .hasAttribute(longKey("rpc.grpc.status_code"), (long) code);
    assertThat(serverSpan.getAttributes().get(stringKey("error.type"))).isEqualTo(serverError ? name : null);
  }

  @Test
  void statusNamesFollowTheProtocol() {
    assertThat(GrpcStatusCodes.name(0)).isEqualTo("OK");
    assertThat(GrpcStatusCodes.name(4)).isEqualTo("DEADLINE_EXCEEDED");
    assertThat(GrpcStatusCodes.name(16)).isEqualTo("UNAUTHENTICATED");
    assertThat(GrpcStatusCodes.name(17)).isEqualTo("17");
  }

  @Test
  void otherSystemsFailOnAThrownErrorOnly() {
    SpanData ok = run(client, new Call("dubbo", "demo.Inventory", "Reserve"), 5, null);
    assertThat(ok).hasStatus(StatusData.unset());
    assertThat(ok.getAttributes().get(longKey("rpc.grpc.status_code"))).isNull();

    SpanData failed = run(server, new Call("dubbo", "demo.Inventory", "Reserve"), null, new IllegalStateException("x"));
    assertThat(failed)
        .hasStatus(StatusData.error())
        .hasAttribute(stringKey("error.type"), IllegalStateException.class.getName());
  }

  @Test
  void spanNameFallsBackToTheMethodThenTheSystem() {
    assertThat(run(client, new Call("grpc", null, "Reserve"), 0, null)).hasName("Reserve");
    assertThat(run(client, new Call("grpc", null, null), 0, null)).hasName("grpc");
    assertThat(run(client, new Call(null, null, null), 0, null)).hasName("RPC");
  }
}
