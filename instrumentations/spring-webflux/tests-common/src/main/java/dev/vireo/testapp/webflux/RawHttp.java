package dev.vireo.testapp.webflux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios' own requests: HTTP/1.1 over a plain socket, which no instrumentation sees, so each
 * trace starts at the server. Bodies are read as lines (chunk sizes included), enough for the checks.
 */
public final class RawHttp {

  /** Status code and body lines of one response. */
  public record Response(int status, List<String> lines) {
    public boolean contains(String text) {
      return lines.stream().anyMatch(l -> l.contains(text));
    }
  }

  private RawHttp() {}

  public static Response get(int port, String path) throws IOException {
    return get(port, path, "");
  }

  /** {@code extraHeaders}: more header lines, each ending in CRLF. */
  public static Response get(int port, String path, String extraHeaders) throws IOException {
    try (Socket socket = open(port, path, extraHeaders)) {
      BufferedReader in = reader(socket);
      int status = Integer.parseInt(in.readLine().substring(9, 12));
      List<String> lines = new ArrayList<>();
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
      }
      return new Response(status, lines);
    }
  }

  /** Sends the request; the caller reads and closes (to abort a streamed response, say). */
  public static Socket open(int port, String path, String extraHeaders) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(20_000);
    OutputStream out = socket.getOutputStream();
    String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: vireo-test/1.0\r\n"
        + extraHeaders + "Connection: close\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return socket;
  }

  public static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }
}
