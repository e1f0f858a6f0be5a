package dev.vireo.smoke.health.apps;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The application of the exporter-health smoke tests, forked with the agent. Each request it serves is an
 * HttpURLConnection call to its own JDK HttpServer, so the agent makes one CLIENT span per request. Driven by
 * commands on stdin, answers on stdout:
 *
 * <ul>
 *   <li>{@code load <count> <path>}: that many sequential requests; {@code LOAD count=.. p50us=.. p99us=.. maxus=..}
 *   <li>{@code stats}: the agent's exporter MBean; {@code STATS exported=.. dropped=.. failed=.. failedExports=..
 *       queue=.. healthy=.. lastError=..} (or {@code STATS unavailable} before it is registered)
 *   <li>{@code heap}: heap in use after full GCs; {@code HEAP usedBytes=..}
 *   <li>{@code exit}: prints {@code EXITING} and returns from main (shutdown hooks run)
 * </ul>
 */
public final class LoadApp {

  private static final byte[] BODY = "hello".getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) throws Exception {
    // Without it the JDK server's header and body packets meet Nagle + delayed ACK: 40 ms per request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.createContext("/", exchange -> {
      try {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(200, BODY.length);
        exchange.getResponseBody().write(BODY);
      } finally {
        exchange.close();
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    System.out.println("READY");
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = commands.readLine()) != null) {
      String[] words = line.trim().split("\\s+");
      switch (words[0]) {
        case "load" -> load(base, Integer.parseInt(words[1]), words[2]);
        case "stats" -> stats();
        case "heap" -> heap();
        case "exit" -> {
          server.stop(0);
          System.out.println("EXITING");
          System.out.flush();
          return;
        }
        default -> System.out.println("UNKNOWN " + line);
      }
      System.out.flush();
    }
    server.stop(0);
  }

  private static void load(String base, int count, String path) throws IOException {
    long[] micros = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
      int status = connection.getResponseCode();
      try (InputStream in = connection.getInputStream()) {
        in.readAllBytes();
      }
      micros[i] = (System.nanoTime() - start) / 1000;
      if (status != 200) {
        throw new IllegalStateException("status " + status);
      }
    }
    Arrays.sort(micros);
    System.out.println("LOAD count=" + count + " p50us=" + micros[count / 2] + " p99us=" + micros[(int) (count * 0.99)]
        + " maxus=" + micros[count - 1]);
  }

  private static void stats() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName("dev.vireo:type=Exporter,name=traces");
    try {
      System.out.println("STATS exported=" + server.getAttribute(name, "SpansExported")
          + " dropped=" + server.getAttribute(name, "SpansDropped")
          + " failed=" + server.getAttribute(name, "SpansFailed")
          + " failedExports=" + server.getAttribute(name, "FailedExports")
          + " queue=" + server.getAttribute(name, "QueueSize")
          + " maxQueue=" + server.getAttribute(name, "MaxQueueSize")
          + " healthy=" + server.getAttribute(name, "Healthy")
          + " lastError=" + server.getAttribute(name, "LastError"));
    } catch (InstanceNotFoundException e) {
      System.out.println("STATS unavailable");
    }
  }

  private static void heap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    System.out.println("HEAP usedBytes=" + heap.getUsed());
  }
}
