package dev.vireo.smoke;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback HTTP server that answers 200 and records the propagation headers it receives. */
public final class RecordingServer implements AutoCloseable {

  private final HttpServer server;
  public final Map<String, List<String>> traceparents = new ConcurrentHashMap<>();
  /** Per path, the headers of each request: lower-case name to the comma-joined values. */
  public final Map<String, List<Map<String, String>>> headers = new ConcurrentHashMap<>();

  public RecordingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          List<String> values = exchange.getRequestHeaders().get("traceparent");
          traceparents
              .computeIfAbsent(exchange.getRequestURI().getPath(), p -> new CopyOnWriteArrayList<>())
              .add(values == null ? "" : String.join(",", values));
          Map<String, String> received = new TreeMap<>();
          exchange.getRequestHeaders()
              .forEach((name, list) -> received.put(name.toLowerCase(Locale.ROOT), String.join(",", list)));
          headers
              .computeIfAbsent(exchange.getRequestURI().getPath(), p -> new CopyOnWriteArrayList<>())
              .add(received);
          byte[] body = "ok".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
