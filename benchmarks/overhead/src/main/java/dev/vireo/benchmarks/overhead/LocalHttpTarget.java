package dev.vireo.benchmarks.overhead;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A loopback HTTP server in the harness answering every request with an empty 200: the target of a traced call. */
final class LocalHttpTarget implements AutoCloseable {

  private final HttpServer server;

  private LocalHttpTarget(HttpServer server) {
    this.server = server;
  }

  static LocalHttpTarget open() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    LocalHttpTarget target = new LocalHttpTarget(server);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    return target;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/first";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
