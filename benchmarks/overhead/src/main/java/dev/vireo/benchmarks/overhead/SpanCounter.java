package dev.vireo.benchmarks.overhead;

import dev.vireo.testing.otlp.OtlpReceiver;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Counts spans the receiver got and forgets them every second: the receiver keeps everything in memory, and a few
 * minutes of load would otherwise fill the harness's heap. Spans arriving between the count and the clear are lost
 * to the count, hence "approx." in the table; it is a sanity check that both agents traced the same work.
 */
final class SpanCounter implements AutoCloseable {

  private final OtlpReceiver receiver;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "span-counter");
    thread.setDaemon(true);
    return thread;
  });
  private long total;

  SpanCounter(OtlpReceiver receiver) {
    this.receiver = receiver;
    timer.scheduleWithFixedDelay(this::drain, 1, 1, TimeUnit.SECONDS);
  }

  synchronized void drain() {
    total += receiver.spans().size();
    receiver.clear();
  }

  synchronized long total() {
    return total;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
