package dev.vireo.benchmarks.overhead;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The downstream service of the WebFlux app, served by the harness JVM (no agent): every {@code GET} gets the same
 * small JSON body over HTTP/1.1 keep-alive, one thread per connection. Deliberately a few lines of socket code, not
 * {@code com.sun.net.httpserver}: that server writes headers and body in two TCP segments with Nagle's algorithm on
 * unless {@code sun.net.httpserver.nodelay} is set JVM-wide (which would also change the OTLP receiver the other
 * parts use), and the client's delayed ACK can then stall a response for tens of milliseconds. Here the response is
 * one write on a {@code TCP_NODELAY} socket. Only body-less requests are understood, which is all the app sends.
 */
final class DownstreamServer implements AutoCloseable {

  static final String BODY = "{\"sku\":\"widget-42\",\"price\":\"9.99\",\"stock\":7}";

  private static final byte[] OK = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
      + BODY.length() + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BAD_REQUEST =
      "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  private final ServerSocket server;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong connectionsAccepted = new AtomicLong();

  private DownstreamServer(ServerSocket server) {
    this.server = server;
    Thread acceptor = new Thread(this::accept, "downstream-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static DownstreamServer start() throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    return new DownstreamServer(server);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Requests answered so far (all runs). */
  long requests() {
    return requests.get();
  }

  /** Connections accepted so far (all runs): a client that pools its connections opens a handful, not one per call. */
  long connectionsAccepted() {
    return connectionsAccepted.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket connection = server.accept();
        connection.setTcpNoDelay(true);
        connections.add(connection);
        connectionsAccepted.incrementAndGet();
        Thread thread = new Thread(() -> serve(connection), "downstream-" + connection.getPort());
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        // closed: the loop ends
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      String head;
      while ((head = readHead(in)) != null) {
        if (!head.startsWith("GET ")) {
          out.write(BAD_REQUEST);
          return;
        }
        // counted before the answer goes out: a client that has its response must see it counted (counted after
        // the write, a test read 2 of 3 once in a clean-clone CI)
        requests.incrementAndGet();
        out.write(OK);
      }
    } catch (IOException e) {
      // the app JVM went away mid-request: nothing to answer
    } finally {
      connections.remove(connection);
    }
  }

  /** The request line and headers up to the blank line, or null at end of stream. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder(256);
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      int n = head.length();
      if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n'
          && head.charAt(n - 4) == '\r') {
        return head.toString();
      }
      if (n > MAX_HEADER_BYTES) {
        throw new IOException("request head over " + MAX_HEADER_BYTES + " bytes");
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket connection : connections) {
      connection.close();
    }
  }
}
