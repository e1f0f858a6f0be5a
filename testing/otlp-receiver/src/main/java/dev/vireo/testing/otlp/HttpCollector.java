package dev.vireo.testing.otlp;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** The OTLP/http-protobuf side: {@code POST /v1/traces|metrics|logs} on the JDK's HTTP server, bound to loopback. */
final class HttpCollector {

  private static final String PROTOBUF = "application/x-protobuf";

  private final ReceivedTelemetry telemetry;
  private final ReceiverTls tls;
  private HttpServer server;
  private ExecutorService executor;
  /** Released on stop so hung handler threads end with the server they belong to. */
  private CountDownLatch hangRelease;
  private int port;

  HttpCollector(ReceivedTelemetry telemetry, ReceiverTls tls) {
    this.telemetry = telemetry;
    this.tls = tls;
  }

  synchronized void start() {
    if (server != null) {
      return;
    }
    HttpServer newServer;
    try {
      InetSocketAddress address = new InetSocketAddress(Loopback.ADDRESS, port);
      if (tls == null) {
        newServer = HttpServer.create(address, 0);
      } else {
        HttpsServer httpsServer = HttpsServer.create(address, 0);
        httpsServer.setHttpsConfigurator(new ClientAuthConfigurator(PemSslContext.create(tls), tls.clientCa() != null));
        newServer = httpsServer;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the OTLP/HTTP receiver on port " + port, e);
    }
    CountDownLatch release = new CountDownLatch(1);
    newServer.createContext("/v1/traces", exchange -> handle(exchange, "/v1/traces", Signal.TRACES, release));
    newServer.createContext("/v1/metrics", exchange -> handle(exchange, "/v1/metrics", Signal.METRICS, release));
    newServer.createContext("/v1/logs", exchange -> handle(exchange, "/v1/logs", Signal.LOGS, release));
    executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "otlp-http-receiver");
      thread.setDaemon(true);
      return thread;
    });
    newServer.setExecutor(executor);
    newServer.start();
    server = newServer;
    hangRelease = release;
    port = newServer.getAddress().getPort();
  }

  synchronized void stop() {
    if (server == null) {
      return;
    }
    // Closing the server first drops every open connection, hung ones included; then the blocked threads may go.
    server.stop(0);
    hangRelease.countDown();
    executor.shutdown();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
    executor = null;
    hangRelease = null;
  }

  synchronized int port() {
    return port;
  }

  synchronized boolean isRunning() {
    return server != null;
  }

  private void handle(HttpExchange exchange, String path, Signal signal, CountDownLatch release) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(path)) {
        respondText(exchange, 404, "unknown path " + exchange.getRequestURI().getPath());
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        respondText(exchange, 405, "only POST is supported");
        return;
      }
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(PROTOBUF)) {
        respondText(exchange, 415, "only " + PROTOBUF + " is supported, got " + contentType);
        return;
      }
      ExportBehaviour behaviour = telemetry.onRequest(Protocol.HTTP, signal, headers(exchange.getRequestHeaders()));
      byte[] body;
      try (InputStream in = decoded(exchange)) {
        body = in.readAllBytes();
      } catch (ZipException e) {
        respondStatus(exchange, 400, rpcStatus(Code.INVALID_ARGUMENT, "body is not valid gzip: " + e.getMessage(), null));
        return;
      }
      switch (behaviour.kind()) {
        case OK:
          accept(exchange, signal, body);
          return;
        case UNAVAILABLE:
          exchange.getResponseHeaders().set("Retry-After", Long.toString(behaviour.retryAfterSeconds()));
          respondStatus(exchange, 503, rpcStatus(Code.UNAVAILABLE, "receiver told to be unavailable", behaviour));
          return;
        case BAD_REQUEST:
          respondStatus(exchange, 400, rpcStatus(Code.INVALID_ARGUMENT, "receiver told to reject requests", null));
          return;
        case HANG:
        default:
          awaitQuietly(release);
      }
    }
  }

  private void accept(HttpExchange exchange, Signal signal, byte[] body) throws IOException {
    byte[] response;
    try {
      switch (signal) {
        case TRACES:
          telemetry.acceptTraces(ExportTraceServiceRequest.parseFrom(body), Protocol.HTTP);
          response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
          break;
        case METRICS:
          telemetry.acceptMetrics(ExportMetricsServiceRequest.parseFrom(body));
          response = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
          break;
        case LOGS:
        default:
          telemetry.acceptLogs(ExportLogsServiceRequest.parseFrom(body));
          response = ExportLogsServiceResponse.getDefaultInstance().toByteArray();
          break;
      }
    } catch (InvalidProtocolBufferException e) {
      respondStatus(exchange, 400, rpcStatus(Code.INVALID_ARGUMENT, "not a valid protobuf: " + e.getMessage(), null));
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
    send(exchange, 200, response);
  }

  private static InputStream decoded(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding != null && encoding.trim().equalsIgnoreCase("gzip")) {
      return new GZIPInputStream(exchange.getRequestBody());
    }
    return exchange.getRequestBody();
  }

  private static byte[] rpcStatus(Code code, String message, ExportBehaviour retry) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(message);
    if (retry != null) {
      status.addDetails(Any.pack(RetryInfo.newBuilder()
          .setRetryDelay(com.google.protobuf.Duration.newBuilder()
              .setSeconds(retry.retryAfter().getSeconds())
              .setNanos(retry.retryAfter().getNano()))
          .build()));
    }
    return status.build().toByteArray();
  }

  private static void respondStatus(HttpExchange exchange, int code, byte[] status) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
    send(exchange, code, status);
  }

  private static void respondText(HttpExchange exchange, int code, String text) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, code, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int code, byte[] body) throws IOException {
    // -1 announces an empty body (Content-Length: 0); 0 would mean chunked.
    exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, List<String>> headers(Headers requestHeaders) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    requestHeaders.forEach((key, values) -> headers
        .computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
        .addAll(values));
    headers.replaceAll((key, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(headers);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Applies the receiver's TLS context and, for mutual TLS, demands a client certificate. */
  private static final class ClientAuthConfigurator extends HttpsConfigurator {
    private final boolean needClientAuth;

    ClientAuthConfigurator(SSLContext context, boolean needClientAuth) {
      super(context);
      this.needClientAuth = needClientAuth;
    }

    @Override
    public void configure(HttpsParameters params) {
      SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
      parameters.setNeedClientAuth(needClientAuth);
      params.setSSLParameters(parameters);
    }
  }
}
