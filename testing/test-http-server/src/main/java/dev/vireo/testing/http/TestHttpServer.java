package dev.vireo.testing.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP client tests' server: a loopback HTTP/1.1 server that records every request (path, method,
 * headers, body) and answers by path: /missing 404, /fail 500, /redirect 302 to /target, /slow after
 * 3 s, /auth 401 without an Authorization header, else 200 with the body {@code status <code> <request body>}
 * and the header {@code X-Served-By: recording-server}.
 */
public final class TestHttpServer implements AutoCloseable {

  /** One request as received. */
  public record Recorded(String path, String method, Map<String, List<String>> headers, String body) {
    /** All values of a header (any case), comma-joined; null when absent. */
    public String header(String name) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          return String.join(",", header.getValue());
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  /** Every request received, in arrival order. */
  public final List<Recorded> requests = new CopyOnWriteArrayList<>();

  public TestHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** The one request recorded for a path. */
  public Recorded only(String path) {
    List<Recorded> matching = requests.stream().filter(r -> r.path().equals(path)).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected one request to " + path + " but got " + matching);
    }
    return matching.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Recorded(path, exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()), body));
    int status = 200;
    switch (path) {
      case "/missing" -> status = 404;
      case "/fail" -> status = 500;
      case "/redirect" -> {
        status = 302;
        exchange.getResponseHeaders().add("Location", "/target");
      }
      case "/slow" -> sleep(3000);
      case "/auth" -> {
        if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
          status = 401;
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
        }
      }
      default -> { }
    }
    exchange.getResponseHeaders().add("X-Served-By", "recording-server");
    byte[] response = ("status " + status + " " + body).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, response.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response);
    } catch (IOException clientGone) {
      // the timeout test's client stops listening
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
