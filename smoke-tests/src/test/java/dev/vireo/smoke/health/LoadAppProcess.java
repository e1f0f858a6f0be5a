package dev.vireo.smoke.health;

import dev.vireo.smoke.health.apps.LoadApp;
import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A forked {@link LoadApp} with the agent, driven through stdin; answers parsed from stdout. */
final class LoadAppProcess implements AutoCloseable {

  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  private final ForkedJvm jvm;
  private final OutputStream stdin;

  private LoadAppProcess(ForkedJvm jvm) {
    this.jvm = jvm;
    this.stdin = jvm.process().getOutputStream();
  }

  static Path agentJar() {
    String property = System.getProperty("vireo.agent.jar");
    if (property == null) {
      throw new IllegalStateException("system property vireo.agent.jar is not set (run through Maven)");
    }
    Path jar = Path.of(property);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: build the agent module first");
    }
    return jar;
  }

  /** Starts the app with the agent exporting to {@code endpoint}, plus {@code properties}. */
  static LoadAppProcess start(String endpoint, Map<String, String> properties) {
    Map<String, String> all = new HashMap<>();
    all.put("otel.service.name", "load-app");
    all.put("otel.exporter.otlp.endpoint", endpoint);
    all.put("otel.metrics.exporter", "none");
    all.put("otel.bsp.schedule.delay", "200");
    all.putAll(properties);
    ForkedJvm jvm =
        AgentJvm.builder()
            .jvmArgs("-Xmx128m")
            .javaagent(agentJar())
            .systemProperties(all)
            .classpath(dev.vireo.smoke.SmokeEnvironment.applicationClasspath())
            .mainClass(LoadApp.class.getName())
            .start();
    LoadAppProcess app = new LoadAppProcess(jvm);
    jvm.awaitOutput("READY", COMMAND_TIMEOUT);
    return app;
  }

  ForkedJvm jvm() {
    return jvm;
  }

  LoadResult load(int count, String path) {
    return LoadResult.parse(command("load " + count + " " + path, "LOAD "));
  }

  /** The exporter MBean, waiting until it is registered. */
  Map<String, String> stats() {
    long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
    while (true) {
      String line = command("stats", "STATS ");
      if (!line.equals("STATS unavailable")) {
        return fields(line);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("exporter MBean never registered");
      }
      sleep(100);
    }
  }

  /** Polls the MBean until {@code until} holds; returns that reading. */
  Map<String, String> awaitStats(Predicate<Map<String, String>> until, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, String> stats = stats();
    while (!until.test(stats)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("exporter MBean never matched the condition; last reading " + stats);
      }
      sleep(100);
      stats = stats();
    }
    return stats;
  }

  long heapUsedBytes() {
    return Long.parseLong(fields(command("heap", "HEAP ")).get("usedBytes"));
  }

  /** Asks the app to return from main; returns when it said so (the JVM then runs its shutdown hooks). */
  void exit() {
    command("exit", "EXITING");
  }

  /** The agent's log lines at {@code level} so far ("[vireo] WARN ..."). */
  List<String> agentLog(String level) {
    String marker = "[vireo] " + level + " ";
    return jvm.output().stream().filter(line -> line.contains(marker)).toList();
  }

  private String command(String command, String answerPrefix) {
    int seen = jvm.stdout().size();
    try {
      stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send '" + command + "'; output: " + jvm.output(), e);
    }
    long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
    while (true) {
      List<String> stdout = jvm.stdout();
      for (int i = seen; i < stdout.size(); i++) {
        if (stdout.get(i).startsWith(answerPrefix)) {
          return stdout.get(i);
        }
      }
      seen = stdout.size();
      if (!jvm.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("no answer to '" + command + "'; output: " + jvm.output());
      }
      sleep(10);
    }
  }

  static Map<String, String> fields(String line) {
    Map<String, String> fields = new HashMap<>();
    String[] words = line.split(" ");
    for (int i = 1; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      if (eq > 0) {
        String key = words[i].substring(0, eq);
        if (key.equals("lastError")) {
          fields.put(key, line.substring(line.indexOf("lastError=") + "lastError=".length()));
          break;
        }
        fields.put(key, words[i].substring(eq + 1));
      }
    }
    return fields;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    jvm.close();
  }

  /** Latencies of one {@code load} command, in microseconds. */
  record LoadResult(int count, long p50, long p99, long max) {
    static LoadResult parse(String line) {
      Map<String, String> fields = fields(line);
      return new LoadResult(
          Integer.parseInt(fields.get("count")),
          Long.parseLong(fields.get("p50us")),
          Long.parseLong(fields.get("p99us")),
          Long.parseLong(fields.get("maxus")));
    }
  }
}
