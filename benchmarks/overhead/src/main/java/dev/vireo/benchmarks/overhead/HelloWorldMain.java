package dev.vireo.benchmarks.overhead;

import java.net.http.HttpClient;

/**
 * The smallest useful program: builds a {@link HttpClient} (a class both agents instrument) and exits. It prints its
 * own CPU time and peak RSS from /proc just before returning, because once the process is gone nobody can read them.
 */
public final class HelloWorldMain {

  private HelloWorldMain() {}

  public static void main(String[] args) {
    HttpClient client = HttpClient.newHttpClient();
    System.out.println("hello " + client.version());
    ProcessSample self = ProcessSample.self();
    System.out.println("SAMPLE cpuMillis=" + self.cpuMillis() + " peakRssKib=" + self.peakRssKib());
  }
}
