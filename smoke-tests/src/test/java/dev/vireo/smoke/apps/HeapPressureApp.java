package dev.vireo.smoke.apps;

import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * No tracing code: calls {@code /before}, fills the heap (run it with a small -Xmx) until the
 * agent's circuit breaker reports itself open over JMX, calls {@code /during}, lets the memory go
 * until the breaker reports itself closed, calls {@code /after}. Exit code 2 when a state never came.
 */
public final class HeapPressureApp {

  private static final ObjectName HEALTH = name("dev.vireo:type=Exporter,name=traces");
  private static final long DEADLINE_NANOS = 90_000_000_000L;

  public static void main(String[] args) throws Exception {
    String base = args[0];
    double fillTo = Double.parseDouble(args[1]);
    call(base + "/before");
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    List<byte[]> retained = new ArrayList<>();
    long maxHeap = Runtime.getRuntime().maxMemory();
    try {
      while (usedAfterGc() < fillTo * maxHeap) {
        for (int i = 0; i < 8; i++) {
          retained.add(new byte[128 * 1024]); // small arrays: no humongous regions
        }
      }
    } catch (OutOfMemoryError full) {
      // the agent's own allocations between two checks took the last headroom (seen on a loaded machine): the heap
      // is full enough; give back 4 MiB so the app itself can go on (2 MiB were once not enough under load: the next
      // line failed), which leaves it over 90% full, well above the breaker's 80%. Given back without allocating:
      // with no byte left, even a sublist view threw here once (CI, 2026-12-06)
      for (int i = 0; i < 32 && !retained.isEmpty(); i++) {
        retained.remove(retained.size() - 1);
      }
    }
    System.out.printf("FILLED %.0f%%%n", 100.0 * usedAfterGc() / maxHeap);
    awaitBreaker(server, true, retained);
    System.out.println("OPEN reason=" + server.getAttribute(HEALTH, "CircuitBreakerReason"));
    call(base + "/during");

    retained.clear();
    awaitBreaker(server, false, retained);
    System.out.println("CLOSED trips=" + server.getAttribute(HEALTH, "CircuitBreakerTrips"));
    call(base + "/after");
    System.out.println("DONE");
  }

  private static void awaitBreaker(MBeanServer server, boolean open, List<byte[]> retained) throws Exception {
    long start = System.nanoTime();
    while (!server.isRegistered(HEALTH) || !Boolean.valueOf(open).equals(server.getAttribute(HEALTH, "CircuitBreakerOpen"))) {
      if (System.nanoTime() - start > DEADLINE_NANOS) {
        System.out.println("TIMEOUT waiting for open=" + open + " retained=" + retained.size());
        System.exit(2);
      }
      ManagementFactory.getMemoryMXBean().gc(); // refresh the after-GC figures the breaker reads
      Thread.sleep(100); // polling JMX for the state, not proof of anything
    }
  }

  private static long usedAfterGc() {
    ManagementFactory.getMemoryMXBean().gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void call(String url) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    int status = connection.getResponseCode();
    connection.getInputStream().readAllBytes();
    System.out.println("STATUS " + status + " " + new URL(url).getPath());
  }

  private static ObjectName name(String name) {
    try {
      return new ObjectName(name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
