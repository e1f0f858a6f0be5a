import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop GETs of one URL from a few threads for some seconds; prints the number of 200 answers. Run as a
 * single-file program: {@code java benchmarks/JpaLoad.java <url> <seconds> <threads>} (jpa-per-request.sh).
 */
public class JpaLoad {
  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    long until = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(uri).build();
    AtomicLong answered = new AtomicLong();
    Thread[] threads = new Thread[Integer.parseInt(args[2])];
    for (int i = 0; i < threads.length; i++) {
      threads[i] =
          new Thread(
              () -> {
                while (System.nanoTime() < until) {
                  try {
                    if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                      answered.incrementAndGet();
                    }
                  } catch (Exception e) {
                    // counted as not answered
                  }
                }
              });
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    System.out.println(answered.get());
  }
}
