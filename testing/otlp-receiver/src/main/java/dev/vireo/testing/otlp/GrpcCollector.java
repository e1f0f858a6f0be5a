package dev.vireo.testing.otlp;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The OTLP/gRPC side: the three collector services on one Netty server bound to loopback. */
final class GrpcCollector {

  /** Carries the request headers from the interceptor to the service method. */
  private static final Context.Key<Map<String, List<String>>> HEADERS = Context.key("otlp-request-headers");

  private final ReceivedTelemetry telemetry;
  private final ReceiverTls tls;
  private Server server;
  private int port;

  GrpcCollector(ReceivedTelemetry telemetry, ReceiverTls tls) {
    this.telemetry = telemetry;
    this.tls = tls;
  }

  /** Binds the given port (0 = let the OS choose, then keep that port for restarts). */
  synchronized void start() {
    if (server != null) {
      return;
    }
    ServerInterceptor headerCapture = new HeaderCapture();
    Server newServer =
        NettyServerBuilder.forAddress(new InetSocketAddress(Loopback.ADDRESS, port), credentials())
            // Restarting on the same port must not fail because of connections still in TIME_WAIT.
            .withOption(ChannelOption.SO_REUSEADDR, true)
            .addService(ServerInterceptors.intercept(new TraceService(), headerCapture))
            .addService(ServerInterceptors.intercept(new MetricsService(), headerCapture))
            .addService(ServerInterceptors.intercept(new LogsService(), headerCapture))
            .build();
    try {
      newServer.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the OTLP/gRPC receiver on port " + port, e);
    }
    server = newServer;
    port = newServer.getPort();
  }

  /** Stops the server; calls still in flight (hung ones included) are cancelled. */
  synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdownNow();
    try {
      server.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  synchronized int port() {
    return port;
  }

  synchronized boolean isRunning() {
    return server != null;
  }

  private ServerCredentials credentials() {
    if (tls == null) {
      return InsecureServerCredentials.create();
    }
    try {
      TlsServerCredentials.Builder builder =
          TlsServerCredentials.newBuilder().keyManager(tls.serverCertificate().toFile(), tls.serverKey().toFile());
      if (tls.clientCa() != null) {
        builder.trustManager(tls.clientCa().toFile()).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the receiver's TLS material", e);
    }
  }

  /**
   * Answers one export call as the current behaviour says. An accepted request is stored before the response goes
   * out, so a client that saw success always finds its data in the receiver.
   */
  private <R> void answer(Signal signal, StreamObserver<R> observer, R okResponse, Runnable store) {
    Map<String, List<String>> headers = HEADERS.get();
    ExportBehaviour behaviour = telemetry.onRequest(Protocol.GRPC, signal, headers == null ? Map.of() : headers);
    switch (behaviour.kind()) {
      case OK:
        store.run();
        observer.onNext(okResponse);
        observer.onCompleted();
        return;
      case UNAVAILABLE:
        observer.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
            .setCode(Code.UNAVAILABLE_VALUE)
            .setMessage("receiver told to be unavailable")
            .addDetails(Any.pack(RetryInfo.newBuilder()
                .setRetryDelay(com.google.protobuf.Duration.newBuilder()
                    .setSeconds(behaviour.retryAfter().getSeconds())
                    .setNanos(behaviour.retryAfter().getNano()))
                .build()))
            .build()));
        return;
      case BAD_REQUEST:
        observer.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
            .setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage("receiver told to reject requests")
            .build()));
        return;
      case HANG:
      default:
        // Never answer: the call stays open until the client gives up or the server stops.
        return;
    }
  }

  private final class TraceService extends TraceServiceGrpc.TraceServiceImplBase {
    @Override
    public void export(ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> observer) {
      answer(Signal.TRACES, observer, ExportTraceServiceResponse.getDefaultInstance(),
          () -> telemetry.acceptTraces(request, Protocol.GRPC));
    }
  }

  private final class MetricsService extends MetricsServiceGrpc.MetricsServiceImplBase {
    @Override
    public void export(ExportMetricsServiceRequest request, StreamObserver<ExportMetricsServiceResponse> observer) {
      answer(Signal.METRICS, observer, ExportMetricsServiceResponse.getDefaultInstance(),
          () -> telemetry.acceptMetrics(request));
    }
  }

  private final class LogsService extends LogsServiceGrpc.LogsServiceImplBase {
    @Override
    public void export(ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> observer) {
      answer(Signal.LOGS, observer, ExportLogsServiceResponse.getDefaultInstance(),
          () -> telemetry.acceptLogs(request));
    }
  }

  /** Copies the ASCII request metadata (lower-case keys) into the call's context. */
  private static final class HeaderCapture implements ServerInterceptor {
    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, A> call, Metadata metadata, ServerCallHandler<Q, A> next) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String key : metadata.keys()) {
        if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          continue;
        }
        Iterable<String> values = metadata.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
        List<String> list = new ArrayList<>();
        if (values != null) {
          values.forEach(list::add);
        }
        headers.put(key, Collections.unmodifiableList(list));
      }
      Context context = Context.current().withValue(HEADERS, Collections.unmodifiableMap(headers));
      return Contexts.interceptCall(context, call, metadata, next);
    }
  }
}
