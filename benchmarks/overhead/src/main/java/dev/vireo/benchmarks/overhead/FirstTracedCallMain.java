package dev.vireo.benchmarks.overhead;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny app whose first act is one traced call: a {@code java.net.http} GET to the URL in its argument (a server in
 * the harness). With an agent, that call's span is the application's first, so the agent builds its OpenTelemetry
 * SDK inside it, on this thread, as it would on a real app's first request. Right after the response it prints one
 * line: the process CPU so far, and the call's own wall time and the CPU this thread spent in it (the SDK build
 * included), both from clocks that need no {@code java.lang.management} (which the JVM metrics would load too, and
 * so hide what they cost).
 */
public final class FirstTracedCallMain {

  private FirstTracedCallMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(args[0])).build();
    long threadCpuBefore = threadCpuNanos();
    long before = System.nanoTime();
    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
    long callNanos = System.nanoTime() - before;
    long threadCpuAfter = threadCpuNanos();
    ProcessSample self = ProcessSample.self();
    long compilerMillis = compilerCpuMillis();
    System.out.println("FIRST_CALL status=" + response.statusCode() + " cpuMillis=" + self.cpuMillis()
        + " compilerCpuMillis=" + compilerMillis
        + " callMicros=" + callNanos / 1000 + " callThreadCpuMicros="
        + (threadCpuBefore < 0 || threadCpuAfter < 0 ? -1 : (threadCpuAfter - threadCpuBefore) / 1000));
  }

  /**
   * CPU the JIT compiler threads have used so far (read right after the process total): most of the run-to-run spread
   * of the process CPU at start-up is theirs, so the total without them resolves a difference of a few ms in fewer
   * pairs. A compiler thread that already exited stays in the total (HotSpot retires only threads it added on demand
   * beyond the first of each compiler, which a 2-CPU machine never adds). -1 where /proc cannot tell.
   */
  static long compilerCpuMillis() {
    try {
      JvmCpu cpu = JvmCpu.of(ProcessHandle.current().pid());
      long ticks = 0;
      for (long threadTicks : cpu.compilerThreadTicks().values()) {
        ticks += threadTicks;
      }
      return ticks * 1000 / JvmCpu.TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * CPU time of the calling thread in ns: the first field of {@code /proc/thread-self/schedstat} (the scheduler's
   * exact run time, where {@code /proc/.../stat} counts 10 ms ticks); -1 where the kernel does not provide it.
   */
  static long threadCpuNanos() {
    try {
      return parseSchedstat(Files.readString(Path.of("/proc/thread-self/schedstat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static long parseSchedstat(String schedstat) {
    String trimmed = schedstat.trim();
    int space = trimmed.indexOf(' ');
    return Long.parseLong(space < 0 ? trimmed : trimmed.substring(0, space));
  }
}
