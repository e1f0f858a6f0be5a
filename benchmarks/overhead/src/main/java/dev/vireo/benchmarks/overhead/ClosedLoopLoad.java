package dev.vireo.benchmarks.overhead;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed closed-loop load: {@code clients} threads each send a request ({@code /checkout?item=1..4} unless told
 * another path), wait for the answer, send the next. Closed loop means a slower server gets fewer requests instead of
 * a growing queue, so throughput and latency are both meaningful. Latencies of the measurement window are kept raw
 * (one long per request) and sorted at the end.
 */
final class ClosedLoopLoad {

  /**
   * {@code requests}: begun and answered inside the measurement window (throughput and latencies are theirs);
   * {@code completedInWindow}: answered between the two {@link WindowListener} calls (what CPU per request divides
   * by); {@code completed}: answered at all, warm-up included.
   */
  record Result(double throughputPerSecond, double p50Millis, double p90Millis, double p99Millis, long requests,
                long errors, long completedInWindow, long completed) {}

  /** Called on the thread that runs the load when the measurement window opens and when it closes. */
  interface WindowListener {

    WindowListener NONE = new WindowListener() {
      @Override
      public void opened() {}

      @Override
      public void closed() {}
    };

    void opened();

    void closed();
  }

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  Result run(String baseUrl, int clients, Duration warmUp, Duration measurement) throws InterruptedException {
    return run(baseUrl, clients, warmUp, measurement, WindowListener.NONE);
  }

  Result run(String baseUrl, int clients, Duration warmUp, Duration measurement, WindowListener window)
      throws InterruptedException {
    return run(baseUrl, "/checkout?item=", clients, warmUp, measurement, window);
  }

  /** {@code pathPrefix} is completed with the item, 1 to 4 in turn, e.g. {@code /proxy?item=} . */
  Result run(String baseUrl, String pathPrefix, int clients, Duration warmUp, Duration measurement,
             WindowListener window) throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long measureUntil = measureFrom + measurement.toNanos();
    AtomicLong errors = new AtomicLong();
    AtomicLong completed = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    int[] counts = new int[clients];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      long[][] holder = {new long[1 << 16]};
      Thread thread = new Thread(() -> {
        int item = client;
        while (true) {
          long begin = System.nanoTime();
          if (begin >= measureUntil) {
            break;
          }
          boolean ok = send(baseUrl + pathPrefix + (item++ % 4 + 1));
          long end = System.nanoTime();
          completed.incrementAndGet();
          if (begin >= measureFrom && end <= measureUntil) {
            if (!ok) {
              errors.incrementAndGet();
            }
            if (counts[client] == holder[0].length) {
              holder[0] = Arrays.copyOf(holder[0], holder[0].length * 2);
            }
            holder[0][counts[client]++] = end - begin;
          }
        }
        synchronized (latencies) {
          latencies.add(Arrays.copyOf(holder[0], counts[client]));
        }
      }, "load-" + c);
      threads.add(thread);
      thread.start();
    }
    sleepUntil(measureFrom);
    long completedAtOpen = completed.get();
    window.opened();
    sleepUntil(measureUntil);
    long completedInWindow = completed.get() - completedAtOpen;
    window.closed();
    for (Thread thread : threads) {
      thread.join();
    }
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double seconds = measurement.toNanos() / 1e9;
    return new Result(all.length / seconds, percentile(all, 50), percentile(all, 90), percentile(all, 99),
        all.length, errors.get(), completedInWindow, completed.get());
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    }
  }

  /** One GET; true on 200. Used by the start-up probe as well. */
  boolean send(String url) {
    try {
      HttpResponse<byte[]> response = client.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return response.statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Nearest-rank percentile in milliseconds. */
  static double percentile(long[] sortedNanos, double percent) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(0, rank - 1)] / 1e6;
  }
}
