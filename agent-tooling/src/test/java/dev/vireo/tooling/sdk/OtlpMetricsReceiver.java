package dev.vireo.tooling.sdk;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An OTLP/HTTP endpoint on loopback that keeps the body of every metrics export (protobuf, uncompressed). */
final class OtlpMetricsReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<byte[]> metricExports = new CopyOnWriteArrayList<>();

  OtlpMetricsReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readAllBytes();
            if (exchange.getRequestURI().getPath().equals("/v1/metrics")) {
              metricExports.add(bytes);
            }
          }
          exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int exports() {
    return metricExports.size();
  }

  /** Whether export number {@code index} names the metric (names are plain UTF-8 strings in the protobuf). */
  boolean exportNames(int index, String metricName) {
    return new String(metricExports.get(index), StandardCharsets.ISO_8859_1).contains(metricName);
  }

  /** Waits until at least {@code count} exports arrived or the bound passed; returns how many did. */
  int awaitExports(int count, Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (metricExports.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return metricExports.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
