package dev.vireo.tooling.sdk;

import dev.vireo.tooling.exporter.ExportHealth;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.concurrent.TimeUnit;

/**
 * The last flush at JVM exit, bounded as a whole. The SDK's shutdown is not: the periodic metric reader
 * flushes and shuts its exporter down synchronously on the calling thread (up to 10 s against a dead
 * collector). So the whole shutdown, traces, metrics and logs, runs on a daemon thread, and the exit waits for
 * it at most the bound; a daemon thread does not keep the JVM alive after the shutdown hooks.
 */
final class ExitFlush {

  /** When the collector is known to be down: time for one last attempt, in case it just came back. */
  static final long KNOWN_DOWN_WAIT_MILLIS = 500;

  private ExitFlush() {}

  /** How long exit may wait: the bound, or much less when export has been failing to connect. */
  static long waitMillis(long boundMillis, ExportHealth health) {
    if (health != null && health.isCollectorUnreachable()) {
      return Math.min(boundMillis, KNOWN_DOWN_WAIT_MILLIS);
    }
    return boundMillis;
  }

  /** Shuts {@code sdk} down; true when it finished within {@code waitMillis}. */
  static boolean run(OpenTelemetrySdk sdk, long waitMillis, ClassLoader agentLoader) {
    CompletableResultCode finished = new CompletableResultCode();
    Thread thread =
        new Thread(
            () -> {
              try {
                sdk.shutdown().whenComplete(finished::succeed);
              } catch (Throwable e) {
                finished.fail();
              }
            },
            "vireo-exit-flush");
    thread.setDaemon(true);
    // what the SDK logs while shutting down is the agent's (SdkLogRouting)
    thread.setContextClassLoader(agentLoader);
    thread.start();
    return finished.join(waitMillis, TimeUnit.MILLISECONDS).isDone();
  }
}
