package dev.vireo.benchmarks.overhead;

import dev.vireo.testing.otlp.OtlpReceiver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forks the measured JVMs (the all-in-one shop, the shop as two services, the Spring Boot app, the WebFlux app, the
 * hello-world main) with one agent and records what they cost.
 */
final class ForkedRuns {

  static final String BACKEND_SERVICE = "shop-backend";
  static final String FRONTEND_SERVICE = "shop-frontend";
  static final String WEBFLUX_SERVICE = "proxy";

  private static final Pattern SAMPLE = Pattern.compile("SAMPLE cpuMillis=(\\d+) peakRssKib=(\\d+)");
  private static final Pattern FIRST_CALL =
      Pattern.compile("FIRST_CALL status=(\\d+) cpuMillis=(\\d+) compilerCpuMillis=(-?\\d+) callMicros=(\\d+) "
          + "callThreadCpuMicros=(-?\\d+)");

  private final String java;
  private final Jcmd jcmd;
  private final Path shopJar;
  private final Path logDirectory;
  private final List<String> appJvmArguments;
  private final OtlpReceiver receiver;
  private final SpanCounter spans;
  /** The two-service shop's request: a basket of item 1 and item 1..4 in turn (completed by the load). */
  static final String TWO_SERVICE_CHECKOUT = "/checkout?item=1&item=";

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
    List<String> command = command(agent, "shop", "-jar", shopJar.toString(), "--frontend.port=" + port);
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
   * CPU per request of the shop as two services, each in its own JVM with the agent under test and its own
   * {@code otel.service.name}: {@code shop-backend} ({@code ShopLauncher without-frontend}: Tomcat backend, H2,
   * gRPC inventory, Kafka notifier) and {@code shop-frontend} ({@code FrontendMain}, Jetty). The Kafka broker runs in
   * a third JVM without an agent (infrastructure, as a real broker would be), fresh for every run so no consumer
   * backlog carries over. After the warm-up, the CPU of each service JVM over the measurement window (process total,
   * and its JIT compiler threads apart) is divided by the checkouts answered in that window. Each checkout is a
   * basket of two items ({@link #TWO_SERVICE_CHECKOUT}): two backend calls, so a request makes about 17 spans
   * (issue 24 asks for at least 15).
   */
  void twoService(AgentUnderTest agent, String runName, int clients, Duration warmUp, Duration measurement,
                  Measurements into) throws IOException, InterruptedException {
    Deque<Process> started = new ArrayDeque<>();
    try {
      Path kafkaLog = logDirectory.resolve(runName + "-kafka.log");
      Process kafka = launch(command(AgentUnderTest.none(), null, "-cp", shopJar.toString(),
          "dev.vireo.examples.shop.KafkaBrokerMain"), kafkaLog);
      started.push(kafka);
      String bootstrap = awaitReady(kafka, kafkaLog, "kafka", "bootstrap");

      Path backendLog = logDirectory.resolve(runName + "-backend.log");
      Process backend = launch(command(agent, BACKEND_SERVICE, "-jar", shopJar.toString(), "without-frontend",
          "--backend.port=0", "--kafka.bootstrap=" + bootstrap), backendLog);
      started.push(backend);
      String backendUrl = awaitReady(backend, backendLog, "shop", "backend");

      int port = freePort();
      Path frontendLog = logDirectory.resolve(runName + "-frontend.log");
      Process frontend = launch(command(agent, FRONTEND_SERVICE, "-cp", shopJar.toString(),
          "dev.vireo.examples.shop.FrontendMain", "--frontend.port=" + port, "--backend.url=" + backendUrl),
          frontendLog);
      started.push(frontend);
      String base = "http://127.0.0.1:" + port;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!load.send(base + "/checkout?item=1")) {
        if (!frontend.isAlive() || !backend.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(runName + ": the two-service shop never answered a checkout; see "
              + frontendLog + " and " + backendLog);
        }
        Thread.sleep(10);
      }
      long backendRssAtReady = ProcessSample.of(backend.pid()).rssKib();
      long frontendRssAtReady = ProcessSample.of(frontend.pid()).rssKib();

      spans.drain();
      long spansBefore = spans.total();
      long backendSpansBefore = spans.total(BACKEND_SERVICE);
      long frontendSpansBefore = spans.total(FRONTEND_SERVICE);
      JvmCpu[] opened = new JvmCpu[2];
      JvmCpu[] closed = new JvmCpu[2];
      ClosedLoopLoad.Result result = load.run(base, TWO_SERVICE_CHECKOUT, clients, warmUp, measurement,
          new ClosedLoopLoad.WindowListener() {
        @Override
        public void opened() {
          sample(opened, backend, frontend);
        }

        @Override
        public void closed() {
          sample(closed, backend, frontend);
        }
      });
      long requests = result.completedInWindow();
      if (requests == 0) {
        throw new IllegalStateException(runName + ": no checkout answered in the measurement window");
      }
      JvmCpu.Window backendCpu = opened[0].until(closed[0]);
      JvmCpu.Window frontendCpu = opened[1].until(closed[1]);
      if (backendCpu.compilerThreadsGone() + frontendCpu.compilerThreadsGone() > 0) {
        System.out.printf("  %s: %d compiler thread(s) exited in the window: their CPU counts as non-JIT%n",
            runName, backendCpu.compilerThreadsGone() + frontendCpu.compilerThreadsGone());
      }
      String name = agent.name();
      into.add(name, Metric.TWO_SERVICE_THROUGHPUT, result.throughputPerSecond());
      into.add(name, Metric.TWO_SERVICE_P99, result.p99Millis());
      into.add(name, Metric.BACKEND_CPU_PER_REQUEST, backendCpu.processMillis() * 1000 / requests);
      into.add(name, Metric.FRONTEND_CPU_PER_REQUEST, frontendCpu.processMillis() * 1000 / requests);
      into.add(name, Metric.BACKEND_CPU_PER_REQUEST_NO_JIT, backendCpu.withoutCompilerMillis() * 1000 / requests);
      into.add(name, Metric.FRONTEND_CPU_PER_REQUEST_NO_JIT, frontendCpu.withoutCompilerMillis() * 1000 / requests);
      into.add(name, Metric.BACKEND_JIT_CPU_PER_REQUEST, backendCpu.compilerMillis() * 1000 / requests);
      into.add(name, Metric.FRONTEND_JIT_CPU_PER_REQUEST, frontendCpu.compilerMillis() * 1000 / requests);
      if (result.errors() > 0) {
        System.out.printf("  %s: %d of %d checkouts failed%n", runName, result.errors(), result.requests());
      }
      String spanText = "";
      if (!agent.isNone()) {
        Thread.sleep(6000); // the batch span processors export every 5 s by default
        spans.drain();
        double checkouts = Math.max(1, result.completed());
        double perRequest = (spans.total() - spansBefore) / checkouts;
        into.add(name, Metric.SPANS_PER_REQUEST, perRequest);
        into.add(name, Metric.BACKEND_SPANS_PER_REQUEST,
            (spans.total(BACKEND_SERVICE) - backendSpansBefore) / checkouts);
        into.add(name, Metric.FRONTEND_SPANS_PER_REQUEST,
            (spans.total(FRONTEND_SERVICE) - frontendSpansBefore) / checkouts);
        spanText = String.format(Locale.ROOT, " | %.1f spans/req", perRequest);
      }
      // issue 24's memory targets are on this app: neither JVM holds the Kafka broker, whose buffers make the
      // all-in-one shop's heap move in 8 MiB steps from run to run
      into.add(name, Metric.BACKEND_RSS_AT_READY, backendRssAtReady / 1024.0);
      into.add(name, Metric.FRONTEND_RSS_AT_READY, frontendRssAtReady / 1024.0);
      into.add(name, Metric.BACKEND_HEAP_AFTER_GC, jcmd.heapUsedAfterFullGcKib(backend.pid()) / 1024.0);
      into.add(name, Metric.FRONTEND_HEAP_AFTER_GC, jcmd.heapUsedAfterFullGcKib(frontend.pid()) / 1024.0);
      // what makes up the heap figures: diff two runs' histograms to see what an agent keeps
      Files.writeString(logDirectory.resolve(runName + "-backend-histogram.txt"),
          jcmd.run(backend.pid(), "GC.class_histogram"));
      Files.writeString(logDirectory.resolve(runName + "-frontend-histogram.txt"),
          jcmd.run(frontend.pid(), "GC.class_histogram"));
      System.out.printf(Locale.ROOT, "  %-22s %7.1f req/s p99 %7.2f ms (%d in window) | CPU/req µs: "
              + "backend %6.0f (JIT %5.0f) frontend %6.0f (JIT %5.0f)%s%n", runName, result.throughputPerSecond(),
          result.p99Millis(), requests, backendCpu.processMillis() * 1000 / requests,
          backendCpu.compilerMillis() * 1000 / requests, frontendCpu.processMillis() * 1000 / requests,
          frontendCpu.compilerMillis() * 1000 / requests, spanText);
    } finally {
      while (!started.isEmpty()) {
        stop(started.pop());
      }
    }
  }

  /**
   * CPU per request of the WebFlux app ({@code benchmarks/spring-boot-webflux-app}, issue 18's budget): Reactor Netty
   * serving {@code GET /proxy?item=N}, which makes one {@code WebClient} GET to {@code downstream} (served by this
   * JVM, no agent) and answers its body. Every agent's app JVM is started once and warmed up; then, {@code cycles}
   * times, each app in turn (the order rotating from cycle to cycle) gets {@code settle} of load and then the window,
   * over which its JVM's CPU (process total, and its JIT compiler threads apart) is divided by the requests answered.
   * Measured in turns within minutes instead of in a launch each, the columns of one cycle share the machine's speed
   * of the moment, and the report pairs each agent's windows with the no-agent app's of the same cycle.
   *
   * @return per agent with spans, its first request's trace as the receiver got it ({@link TraceShape})
   */
  Map<String, String> webflux(List<AgentUnderTest> agents, Path webfluxJar, DownstreamServer downstream, int clients,
                              Duration warmUp, int cycles, Duration settle, Duration window, Measurements into)
      throws IOException, InterruptedException {
    List<WebFluxApp> apps = new ArrayList<>();
    try {
      for (int i = 0; i < agents.size(); i++) {
        AgentUnderTest agent = agents.get(i);
        apps.add(WebFluxApp.start(this, agent, WEBFLUX_SERVICE + "-" + (i + 1), webfluxJar, downstream));
      }
      // spans and downstream calls are counted from here, per request answered from here
      long downstreamBefore = downstream.requests();
      long[] completed = new long[apps.size()];
      for (int i = 0; i < apps.size(); i++) {
        completed[i] = load.run(apps.get(i).base, "/proxy?item=", clients, warmUp, Duration.ZERO,
            ClosedLoopLoad.WindowListener.NONE).completed();
      }
      for (int cycle = 1; cycle <= cycles; cycle++) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  cycle %2d:", cycle));
        for (int turn = 0; turn < apps.size(); turn++) {
          int index = (turn + cycle - 1) % apps.size();
          WebFluxApp app = apps.get(index);
          ClosedLoopLoad.Result result = app.measure(load, clients, settle, window, into);
          completed[index] += result.completed();
          line.append(String.format(Locale.ROOT, " %s %.1f µs/req (%.0f req/s, JIT %.1f µs)", app.agent.name(),
              into.last(app.agent.name(), Metric.WEBFLUX_CPU_PER_REQUEST), result.throughputPerSecond(),
              into.last(app.agent.name(), Metric.WEBFLUX_JIT_CPU_PER_REQUEST)));
        }
        System.out.println(line);
      }
      Thread.sleep(6000); // the batch span processor exports every 5 s by default
      spans.drain();
      Map<String, String> traces = new LinkedHashMap<>();
      for (int i = 0; i < apps.size(); i++) {
        WebFluxApp app = apps.get(i);
        if (app.agent.isNone()) {
          continue;
        }
        double perRequest = (spans.total(app.service) - app.spansBefore) / (double) Math.max(1, completed[i]);
        into.add(app.agent.name(), Metric.WEBFLUX_SPANS_PER_REQUEST, perRequest);
        String shape = TraceShape.describe(spans.sampledTrace(app.service));
        traces.put(app.agent.name(), shape);
        System.out.printf(Locale.ROOT, "  %s: spans/req %.2f (SERVER %.2f, CLIENT %.2f) | first trace: %s%n",
            app.agent.name(), perRequest,
            (spans.total(app.service, "SERVER") - app.serverBefore) / (double) Math.max(1, completed[i]),
            (spans.total(app.service, "CLIENT") - app.clientBefore) / (double) Math.max(1, completed[i]), shape);
      }
      System.out.printf(Locale.ROOT, "  downstream calls per request, all apps: %.2f%n",
          (downstream.requests() - downstreamBefore) / (double) Math.max(1, Arrays.stream(completed).sum()));
      return traces;
    } finally {
      for (WebFluxApp app : apps) {
        stop(app.process);
      }
    }
  }

  /** One agent's WebFlux app JVM, started and answering. */
  private static final class WebFluxApp {
    final AgentUnderTest agent;
    final String service;
    final Process process;
    final String base;
    final Path log;
    long spansBefore;
    long serverBefore;
    long clientBefore;

    private WebFluxApp(AgentUnderTest agent, String service, Process process, String base, Path log) {
      this.agent = agent;
      this.service = service;
      this.process = process;
      this.base = base;
      this.log = log;
    }

    static WebFluxApp start(ForkedRuns runs, AgentUnderTest agent, String service, Path webfluxJar,
                            DownstreamServer downstream) throws IOException, InterruptedException {
      int port = freePort();
      Path log = runs.logDirectory.resolve("webflux-" + service + ".log");
      runs.spans.sampleNextTrace(service);
      Process process = launch(runs.command(agent, service, "-jar", webfluxJar.toString(), "--server.port=" + port,
          "--downstream.url=" + downstream.url()), log);
      WebFluxApp app = new WebFluxApp(agent, service, process, "http://127.0.0.1:" + port, log);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      try {
        while (!runs.load.send(app.base + "/proxy?item=1")) {
          if (!process.isAlive() || System.nanoTime() > deadline) {
            throw new IllegalStateException(agent.name() + ": the WebFlux app never answered; see " + log);
          }
          Thread.sleep(10);
        }
      } catch (RuntimeException | InterruptedException e) {
        stop(process);
        throw e;
      }
      runs.spans.drain();
      app.spansBefore = runs.spans.total(service);
      app.serverBefore = runs.spans.total(service, "SERVER");
      app.clientBefore = runs.spans.total(service, "CLIENT");
      return app;
    }

    /** Load for {@code settle}, then the window: CPU per request, throughput and p99 of the window. */
    ClosedLoopLoad.Result measure(ClosedLoopLoad load, int clients, Duration settle, Duration window,
                                  Measurements into) throws InterruptedException {
      JvmCpu[] cpu = new JvmCpu[2];
      ClosedLoopLoad.Result result = load.run(base, "/proxy?item=", clients, settle, window,
          new ClosedLoopLoad.WindowListener() {
            @Override
            public void opened() {
              cpu[0] = cpu(process);
            }

            @Override
            public void closed() {
              cpu[1] = cpu(process);
            }
          });
      long requests = result.completedInWindow();
      if (requests == 0) {
        throw new IllegalStateException(agent.name() + ": no request answered in the window; see " + log);
      }
      JvmCpu.Window used = cpu[0].until(cpu[1]);
      if (used.compilerThreadsGone() > 0) {
        System.out.printf("  %s: %d compiler thread(s) exited in the window: their CPU counts as non-JIT%n",
            agent.name(), used.compilerThreadsGone());
      }
      if (result.errors() > 0) {
        System.out.printf("  %s: %d of %d requests failed%n", agent.name(), result.errors(), result.requests());
      }
      String name = agent.name();
      into.add(name, Metric.WEBFLUX_THROUGHPUT, result.throughputPerSecond());
      into.add(name, Metric.WEBFLUX_P99, result.p99Millis());
      into.add(name, Metric.WEBFLUX_CPU_PER_REQUEST, used.processMillis() * 1000 / requests);
      into.add(name, Metric.WEBFLUX_CPU_PER_REQUEST_NO_JIT, used.withoutCompilerMillis() * 1000 / requests);
      into.add(name, Metric.WEBFLUX_JIT_CPU_PER_REQUEST, used.compilerMillis() * 1000 / requests);
      return result;
    }
  }

  private static JvmCpu cpu(Process process) {
    try {
      return JvmCpu.of(process.pid());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc of the app JVM (process gone?)", e);
    }
  }

  private static void sample(JvmCpu[] into, Process backend, Process frontend) {
    try {
      into[0] = JvmCpu.of(backend.pid());
      into[1] = JvmCpu.of(frontend.pid());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc of a shop JVM (process gone?)", e);
    }
  }

  /** {@code java [heap] [agent settings for service] args...}; no agent settings when {@code service} is null. */
  private List<String> command(AgentUnderTest agent, String service, String... args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(appJvmArguments);
    if (service != null) {
      command.addAll(agent.jvmArguments(receiver.httpEndpoint(), service));
    }
    command.addAll(List.of(args));
    return command;
  }

  private static Process launch(List<String> command, Path log) throws IOException {
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Waits for the shop's {@code READY <service> ...} line in the log and returns the value of {@code key}. */
  private static String awaitReady(Process process, Path log, String service, String key)
      throws IOException, InterruptedException {
    String prefix = "READY " + service + " ";
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (true) {
      for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
        if (line.startsWith(prefix)) {
          for (String pair : line.substring(prefix.length()).trim().split("\\s+")) {
            if (pair.startsWith(key + "=")) {
              return pair.substring(key.length() + 1);
            }
          }
          throw new IllegalStateException("no " + key + "= in '" + line + "' of " + log);
        }
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("no '" + prefix + "' line in " + log);
      }
      Thread.sleep(50);
    }
  }

  /**
   * Start-up of the Spring Boot service ({@code benchmarks/spring-boot-jpa-app}): launch to the first 200 of
   * {@code GET /orders/1}, the CPU the process used by then, its RSS and loaded classes at that moment.
   */
  void springBoot(AgentUnderTest agent, String runName, Path springJar, Measurements into)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = command(agent, "orders", "-jar", springJar.toString(), "--server.port=" + port);
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
    List<String> command = command(agent, "hello", "-cp", classes.toString(), HelloWorldMain.class.getName());
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

  /**
   * Start-up to the first traced call ({@link FirstTracedCallMain}, one {@code java.net.http} GET to {@code url}):
   * wall time from {@code ProcessBuilder.start()} to the moment the app's line after the response reaches the
   * harness through the pipe, and what the app reports of itself at that moment (process CPU, the call's wall time
   * and its thread's CPU). The JVM then exits; its shutdown (span and metric export) is not measured.
   */
  void firstTracedCall(AgentUnderTest agent, String runName, Path classes, String url, Measurements into)
      throws IOException, InterruptedException {
    List<String> command =
        command(agent, "first-call", "-cp", classes.toString(), FirstTracedCallMain.class.getName(), url);
    Path log = logDirectory.resolve(runName + ".log");
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // the pipe is read to its end: a JVM that hangs is killed, which ends the pipe
    Thread watchdog = new Thread(() -> {
      try {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "first-call-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    long lineNanos = -1;
    String line = null;
    try (BufferedReader output = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1));
         Writer copy = Files.newBufferedWriter(log, StandardCharsets.ISO_8859_1)) {
      for (String read = output.readLine(); read != null; read = output.readLine()) {
        if (lineNanos < 0 && read.startsWith("FIRST_CALL ")) {
          lineNanos = System.nanoTime() - started;
          line = read;
        }
        copy.write(read);
        copy.write('\n');
      }
    }
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0 || line == null) {
      process.destroyForcibly();
      throw new IllegalStateException(runName + ": the first-call app failed; see " + log);
    }
    Matcher sample = FIRST_CALL.matcher(line);
    if (!sample.find() || !sample.group(1).equals("200")) {
      throw new IllegalStateException(runName + ": unexpected '" + line + "'; see " + log);
    }
    into.add(agent.name(), Metric.FIRST_CALL_WALL, lineNanos / 1e6);
    long cpuMillis = Long.parseLong(sample.group(2));
    into.add(agent.name(), Metric.FIRST_CALL_CPU, cpuMillis);
    long compilerMillis = Long.parseLong(sample.group(3));
    if (compilerMillis >= 0) {
      into.add(agent.name(), Metric.FIRST_CALL_CPU_NO_JIT, cpuMillis - compilerMillis);
    }
    into.add(agent.name(), Metric.FIRST_CALL_DURATION, Long.parseLong(sample.group(4)) / 1000.0);
    long threadCpuMicros = Long.parseLong(sample.group(5));
    if (threadCpuMicros >= 0) {
      into.add(agent.name(), Metric.FIRST_CALL_THREAD_CPU, threadCpuMicros / 1000.0);
    }
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
