package dev.vireo.benchmarks.overhead;

import dev.vireo.testing.otlp.OtlpReceiver;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Forks the measured JVMs (the all-in-one shop, the hello-world main) with one agent and records what they cost. */
final class ForkedRuns {

  private static final Pattern SAMPLE = Pattern.compile("SAMPLE cpuMillis=(\\d+) peakRssKib=(\\d+)");

  private final String java;
  private final Jcmd jcmd;
  private final Path shopJar;
  private final Path logDirectory;
  private final List<String> appJvmArguments;
  private final OtlpReceiver receiver;
  private final SpanCounter spans;
  private final ClosedLoopLoad load = new ClosedLoopLoad();

  ForkedRuns(String javaHome, Path shopJar, Path logDirectory, List<String> appJvmArguments, OtlpReceiver receiver,
             SpanCounter spans) {
    this.java = javaHome + "/bin/java";
    this.jcmd = new Jcmd(javaHome);
    this.shopJar = shopJar;
    this.logDirectory = logDirectory;
    this.appJvmArguments = appJvmArguments;
    this.receiver = receiver;
    this.spans = spans;
  }

  /** Start-up, memory and steady state of one shop JVM. */
  void shop(AgentUnderTest agent, String runName, int clients, Duration warmUp, Duration measurement,
            Measurements into) throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(appJvmArguments);
    command.addAll(agent.jvmArguments(receiver.httpEndpoint(), "shop"));
    command.add("-jar");
    command.add(shopJar.toString());
    command.add("--frontend.port=" + port);
    String base = "http://127.0.0.1:" + port;
    Path log = logDirectory.resolve(runName + ".log");

    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = started + TimeUnit.MINUTES.toNanos(3);
      while (!load.send(base + "/checkout?item=1")) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(runName + ": shop never answered a checkout; see " + log);
        }
        Thread.sleep(10);
      }
      long wallNanos = System.nanoTime() - started;
      ProcessSample atFirstRequest = ProcessSample.of(process.pid());
      into.add(agent.name(), Metric.STARTUP_WALL, wallNanos / 1e6);
      into.add(agent.name(), Metric.STARTUP_CPU, atFirstRequest.cpuMillis());
      into.add(agent.name(), Metric.LOADED_CLASSES, jcmd.loadedClasses(process.pid()));

      long spansBefore = spans.total();
      ClosedLoopLoad.Result result = load.run(base, clients, warmUp, measurement);
      into.add(agent.name(), Metric.THROUGHPUT, result.throughputPerSecond());
      into.add(agent.name(), Metric.P50, result.p50Millis());
      into.add(agent.name(), Metric.P90, result.p90Millis());
      into.add(agent.name(), Metric.P99, result.p99Millis());
      if (result.errors() > 0) {
        System.out.printf("  %s: %d of %d checkouts failed%n", runName, result.errors(), result.requests());
      }
      if (!agent.isNone()) {
        Thread.sleep(6000); // the batch span processors export every 5 s by default
        spans.drain();
        double checkouts = result.throughputPerSecond() * (warmUp.toNanos() + measurement.toNanos()) / 1e9;
        into.add(agent.name(), Metric.SPANS_PER_CHECKOUT, (spans.total() - spansBefore) / Math.max(1, checkouts));
      }
      into.add(agent.name(), Metric.PEAK_RSS, ProcessSample.of(process.pid()).peakRssKib() / 1024.0);
      into.add(agent.name(), Metric.HEAP_AFTER_GC, jcmd.heapUsedAfterFullGcKib(process.pid()) / 1024.0);
      System.out.printf("  %-22s start %6.0f ms wall %6d ms CPU | %7.1f req/s p50 %6.2f p99 %7.2f ms (%d measured)%n",
          runName, wallNanos / 1e6, atFirstRequest.cpuMillis(), result.throughputPerSecond(), result.p50Millis(),
          result.p99Millis(), result.requests());
    } finally {
      stop(process);
    }
  }

  /**
   * Start-up of the Spring Boot service ({@code benchmarks/spring-boot-jpa-app}): launch to the first 200 of
   * {@code GET /orders/1}, the CPU the process used by then, its RSS and loaded classes at that moment.
   */
  void springBoot(AgentUnderTest agent, String runName, Path springJar, Measurements into)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(appJvmArguments);
    command.addAll(agent.jvmArguments(receiver.httpEndpoint(), "orders"));
    command.add("-jar");
    command.add(springJar.toString());
    command.add("--server.port=" + port);
    Path log = logDirectory.resolve(runName + ".log");
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = started + TimeUnit.MINUTES.toNanos(3);
      while (!load.send("http://127.0.0.1:" + port + "/orders/1")) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(runName + ": the Spring Boot app never answered; see " + log);
        }
        Thread.sleep(10);
      }
      long wallNanos = System.nanoTime() - started;
      ProcessSample ready = ProcessSample.of(process.pid());
      into.add(agent.name(), Metric.SPRING_STARTUP_WALL, wallNanos / 1e6);
      into.add(agent.name(), Metric.SPRING_STARTUP_CPU, ready.cpuMillis());
      into.add(agent.name(), Metric.SPRING_RSS_AT_READY, ready.rssKib() / 1024.0);
      into.add(agent.name(), Metric.SPRING_LOADED_CLASSES, jcmd.loadedClasses(process.pid()));
      System.out.printf("  %-22s start %6.0f ms wall %6d ms CPU, RSS %5d MiB%n", runName, wallNanos / 1e6,
          ready.cpuMillis(), ready.rssKib() / 1024);
    } finally {
      stop(process);
    }
  }

  /** Wall time to exit, CPU and peak RSS of the hello-world main. */
  void helloWorld(AgentUnderTest agent, String runName, Path classes, Measurements into)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(appJvmArguments);
    command.addAll(agent.jvmArguments(receiver.httpEndpoint(), "hello"));
    command.add("-cp");
    command.add(classes.toString());
    command.add(HelloWorldMain.class.getName());
    Path log = logDirectory.resolve(runName + ".log");
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(runName + ": hello-world failed; see " + log);
    }
    long wallNanos = System.nanoTime() - started;
    Matcher sample = SAMPLE.matcher(Files.readString(log));
    if (!sample.find()) {
      throw new IllegalStateException(runName + ": no SAMPLE line; see " + log);
    }
    into.add(agent.name(), Metric.HELLO_WALL, wallNanos / 1e6);
    into.add(agent.name(), Metric.HELLO_CPU, Long.parseLong(sample.group(1)));
    into.add(agent.name(), Metric.HELLO_PEAK_RSS, Long.parseLong(sample.group(2)) / 1024.0);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
