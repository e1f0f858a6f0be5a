package dev.vireo.benchmarks.overhead;

import dev.vireo.testing.otlp.OtlpReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Measures what an agent costs, side by side in one run: no agent, Vireo and the OpenTelemetry Java agent take turns
 * (A B C A B C ...) so that a machine busy with something else disturbs all three alike, and the table shows medians.
 *
 * <pre>
 * java -cp target/classes:target/lib/* dev.vireo.benchmarks.overhead.OverheadBenchmark \
 *     --shop-jar=... --vireo-agent=... --otel-agent=... [--spring-jar=...] [--rounds=3] [--hello-rounds=5] \
 *     [--spring-rounds=3] [--warmup=10] [--measure=15] [--clients=4] [--heap=768m] [--out=benchmarks/results.md] \
 *     [--two-service-rounds=3] [--two-service-warmup=40] [--two-service-measure=15] [--readme=none] \
 *     [--vireo-metrics=true] [--baseline-vireo=old-vireo-agent.jar] [--baseline-settings='k=v;k=v'] \
 *     [--webflux-jar=...] [--webflux-cycles=12] [--webflux-warmup=60] [--webflux-window=10] [--metrics-pairs=40]
 * </pre>
 *
 * <p>{@code --two-service-rounds} (default: {@code --rounds}; 0 skips it) measures CPU per request on the shop as two
 * services in their own JVMs (issue 24), after {@code --two-service-warmup} seconds of load, over
 * {@code --two-service-measure} seconds (default: {@code --measure}). Any part runs alone when the others' rounds are
 * 0, e.g. {@code --rounds=0 --hello-rounds=0 --two-service-rounds=3}.
 *
 * <p>{@code --webflux-cycles} (default 12 when {@code --webflux-jar} is given; 0 skips it) measures CPU per request
 * on the WebFlux app of {@code --webflux-jar}, one {@code WebClient} call per request to a downstream served by this
 * JVM (issue 18): each agent's app is started once and gets {@code --webflux-warmup} seconds of load, then every
 * cycle gives each app in turn a window of {@code --webflux-window} seconds (after {@link #WEBFLUX_SETTLE} of load);
 * the report pairs each agent's windows with the no-agent app's of the same cycle.
 *
 * <p>{@code --vireo-metrics=true} adds a column: Vireo exporting its JVM runtime metrics (issue 21's budget).
 * {@code --baseline-vireo} adds a column for another Vireo jar, e.g. the last release, for a before/after in one run;
 * {@code --baseline-settings} gives that column settings of its own (with Vireo's jar when no other is given), e.g.
 * {@code otel.instrumentation.reactor.enabled=false} for what one module costs.
 *
 * <p>{@code --metrics-pairs=N} (default 0) measures issue 21's start-up budget precisely: N pairs of runs of
 * {@link FirstTracedCallMain} with Vireo, JVM metrics off and on, the order alternating from pair to pair; the report
 * gives the mean paired difference and its 95 % confidence interval.
 */
public final class OverheadBenchmark {

  /** Load before each WebFlux window: the app has been idle while the others were measured. */
  static final Duration WEBFLUX_SETTLE = Duration.ofSeconds(3);

  private OverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    int helloRounds = Integer.parseInt(options.getOrDefault("hello-rounds", "5"));
    Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
    Duration measurement = Duration.ofSeconds(Long.parseLong(options.getOrDefault("measure", "15")));
    int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
    String heap = options.getOrDefault("heap", "768m");
    Path vireoJar = existing(options, "vireo-agent");
    Path otelJar = existing(options, "otel-agent");
    int springRounds = Integer.parseInt(options.getOrDefault("spring-rounds", Integer.toString(rounds)));
    // A part run with 0 rounds needs no jar, so one part can run alone with only its own jars built.
    Path springJar = options.containsKey("spring-jar") && springRounds > 0 ? existing(options, "spring-jar") : null;
    int twoServiceRounds = Integer.parseInt(options.getOrDefault("two-service-rounds", Integer.toString(rounds)));
    Path shopJar = rounds > 0 || twoServiceRounds > 0 ? existing(options, "shop-jar") : null;
    Duration twoServiceWarmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("two-service-warmup", "40")));
    Duration twoServiceMeasurement = Duration.ofSeconds(
        Long.parseLong(options.getOrDefault("two-service-measure", Long.toString(measurement.toSeconds()))));
    // Like the Spring Boot part, skipped when its jar is not given (unless rounds are asked for: then the jar must be).
    for (String gone : List.of("webflux-rounds", "webflux-measure")) {
      if (options.containsKey(gone)) {
        throw new IllegalArgumentException("--" + gone + " is gone: the WebFlux part measures in turns, "
            + "--webflux-cycles=N windows of --webflux-window=S seconds per agent");
      }
    }
    int webfluxCycles = !options.containsKey("webflux-jar") && !options.containsKey("webflux-cycles") ? 0
        : Integer.parseInt(options.getOrDefault("webflux-cycles", "12"));
    Path webfluxJar = webfluxCycles > 0 ? existing(options, "webflux-jar") : null;
    Duration webfluxWarmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("webflux-warmup", "60")));
    Duration webfluxWindow = Duration.ofSeconds(Long.parseLong(options.getOrDefault("webflux-window", "10")));
    int metricsPairs = Integer.parseInt(options.getOrDefault("metrics-pairs", "0"));
    MetricsOffArm metricsOff = MetricsOffArm.of(options.getOrDefault("metrics-pairs-off", "export"));
    Path out = Path.of(options.getOrDefault("out", "benchmarks/results.md"));
    Path logs = Files.createDirectories(Path.of(options.getOrDefault("logs", "benchmarks/overhead/target/runs")));
    Path classes = Path.of(HelloWorldMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String javaHome = System.getProperty("java.home");

    String otelVersion = implementationVersion(otelJar);
    AgentUnderTest none = AgentUnderTest.none();
    AgentUnderTest vireo = AgentUnderTest.of("Vireo", vireoJar);
    AgentUnderTest otel = AgentUnderTest.of("OTel " + otelVersion, otelJar);
    List<AgentUnderTest> agents = new ArrayList<>(List.of(none, vireo, otel));
    if (Boolean.parseBoolean(options.getOrDefault("vireo-metrics", "false"))) {
      agents.add(AgentUnderTest.of(ResultsReport.VIREO_WITH_METRICS, vireoJar, "otel.metrics.exporter=otlp"));
    }
    if (options.containsKey("baseline-vireo") || options.containsKey("baseline-settings")) {
      // another jar, or the same jar with other settings (';'-separated key=value): what one change or one module costs
      Path baselineJar = options.containsKey("baseline-vireo") ? existing(options, "baseline-vireo") : vireoJar;
      String settings = options.getOrDefault("baseline-settings", "");
      agents.add(AgentUnderTest.of("Vireo baseline", baselineJar,
          settings.isEmpty() ? new String[0] : settings.split(";")));
    }

    String loadBefore = loadAverage();
    long began = System.nanoTime();
    Measurements measurements = new Measurements();
    for (AgentUnderTest agent : agents) {
      if (!agent.isNone()) {
        measurements.add(agent.name(), Metric.JAR_SIZE, Files.size(agent.jar()) / (1024.0 * 1024.0));
      }
    }
    List<String> appJvm = List.of("-Xms" + heap, "-Xmx" + heap);
    Map<String, String> webfluxTraces = new LinkedHashMap<>();
    try (OtlpReceiver receiver = OtlpReceiver.open(); SpanCounter spans = new SpanCounter(receiver)) {
      ForkedRuns runs = new ForkedRuns(javaHome, shopJar, logs, appJvm, receiver, spans);
      if (helloRounds > 0) {
        System.out.printf("Hello-world: %d rounds x %d agents%n", helloRounds, agents.size());
      }
      for (int round = 1; round <= helloRounds; round++) {
        for (AgentUnderTest agent : agents) {
          runs.helloWorld(agent, "hello-" + slug(agent) + "-" + round, classes, measurements);
        }
      }
      if (metricsPairs > 0) {
        firstCallPairs(runs, spans, vireoJar, classes, metricsPairs, metricsOff, measurements);
      }
      if (springJar != null) {
        System.out.printf("Spring Boot app: %d rounds x %d agents%n", springRounds, agents.size());
        for (int round = 1; round <= springRounds; round++) {
          for (AgentUnderTest agent : agents) {
            runs.springBoot(agent, "spring-" + slug(agent) + "-" + round, springJar, measurements);
          }
        }
      }
      if (rounds > 0) {
        System.out.printf("Shop: %d rounds x %d agents, %d clients, warm-up %ds, measurement %ds%n", rounds,
            agents.size(), clients, warmUp.toSeconds(), measurement.toSeconds());
      }
      for (int round = 1; round <= rounds; round++) {
        for (AgentUnderTest agent : agents) {
          runs.shop(agent, "shop-" + slug(agent) + "-" + round, clients, warmUp, measurement, measurements);
        }
      }
      if (twoServiceRounds > 0) {
        System.out.printf("Two-service shop: %d rounds x %d agents, %d clients, warm-up %ds, measurement %ds%n",
            twoServiceRounds, agents.size(), clients, twoServiceWarmUp.toSeconds(), twoServiceMeasurement.toSeconds());
      }
      for (int round = 1; round <= twoServiceRounds; round++) {
        for (AgentUnderTest agent : agents) {
          runs.twoService(agent, "twoservice-" + slug(agent) + "-" + round, clients, twoServiceWarmUp,
              twoServiceMeasurement, measurements);
        }
      }
      if (webfluxCycles > 0) {
        System.out.printf("WebFlux app: %d agents started once, warm-up %ds each, then %d cycles of a %ds window "
                + "each in turn (%ds of load before each), %d clients%n", agents.size(), webfluxWarmUp.toSeconds(),
            webfluxCycles, webfluxWindow.toSeconds(), WEBFLUX_SETTLE.toSeconds(), clients);
        try (DownstreamServer downstream = DownstreamServer.start()) {
          webfluxTraces.putAll(runs.webflux(agents, webfluxJar, downstream, clients, webfluxWarmUp, webfluxCycles,
              WEBFLUX_SETTLE, webfluxWindow, measurements));
        }
      }
    }
    String loadAfter = loadAverage();
    double minutes = (System.nanoTime() - began) / 6e10;

    List<String> columns = agents.stream().map(AgentUnderTest::name).toList();
    ResultsReport report = new ResultsReport(measurements, columns, none.name(), vireo.name(), otel.name());
    String markdown = "# Overhead: no agent vs Vireo vs OpenTelemetry Java agent\n\n"
        + "Generated by `./benchmarks/run.sh` on " + ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")) + " in "
            + String.format(java.util.Locale.ROOT, "%.1f", minutes) + " min. Medians of " + rounds
            + " shop runs, " + twoServiceRounds + " two-service shop runs, " + webfluxCycles + " WebFlux app windows, "
            + (springJar == null ? 0 : springRounds)
            + " Spring Boot runs and " + helloRounds
            + " hello-world runs per agent, taken in turns (A B C A B C ...)"
            + (metricsPairs == 0 ? "" : "; " + metricsPairs + " pairs of first-traced-call runs (JVM metrics off/on)")
            + ".\n\n"
        + "- Machine: " + machine() + "\n"
        + "- Load average (1/5/15 min) before: " + loadBefore + ", after: " + loadAfter
            + (loadBefore.startsWith("0") ? "" : " — the machine was shared with other work: absolute numbers are "
                + "inflated and noisy; compare columns of the same run") + "\n"
        + "- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
            + ", app JVMs `-Xms" + heap + " -Xmx" + heap + "`, default GC\n"
        + "- Vireo: `" + vireoJar.getFileName() + "` " + System.getProperty("vireo.commit", "(commit unknown)")
            + "; OpenTelemetry Java agent " + otelVersion + " from Maven Central\n"
        + (!options.containsKey("baseline-settings") ? "" : "- Vireo baseline: `"
            + options.getOrDefault("baseline-vireo", vireoJar.toString()) + "` with `"
            + options.get("baseline-settings") + "`\n")
        + "- Every agent: OTLP http/protobuf to an in-process receiver on loopback, sampler always_on, "
            + "metrics and logs exporters `none` (except the column " + ResultsReport.VIREO_WITH_METRICS
            + ", if present: `otel.metrics.exporter=otlp`), default batch span processor\n"
        + (rounds == 0 ? "" : "- App: `examples/shop` all-in-one (Jetty frontend → Tomcat backend → H2 + gRPC + "
            + "in-process Kafka); load: " + clients + " closed-loop clients (java.net.http, HTTP/1.1 keep-alive) on "
            + "`/checkout?item=1..4`, " + warmUp.toSeconds() + " s warm-up, " + measurement.toSeconds()
            + " s measurement; the harness and the clients share the machine with the app\n")
        + (twoServiceRounds == 0 ? "" : "- Two-service shop (CPU per request, issue 24): `examples/shop` as two JVMs "
            + "with the agent under test each, `shop-frontend` (`FrontendMain`: Jetty, java.net.http client) and "
            + "`shop-backend` (`ShopLauncher without-frontend`: Tomcat, H2 via HikariCP, gRPC inventory, Kafka "
            + "producer and notifier), Kafka broker in a third JVM without an agent; same clients, each checkout a "
            + "basket of two items (`/checkout?item=1&item=1..4`: two backend calls), "
            + twoServiceWarmUp.toSeconds() + " s warm-up" + (twoServiceWarmUp.toSeconds() >= 40 ? ""
                : " (**shorter than the 40 s issue 24 asks for: a trial, not a measurement of its targets**)")
            + ", then user+sys CPU of each JVM (`/proc/PID/stat`) over "
            + twoServiceMeasurement.toSeconds() + " s divided by the checkouts answered in that window; JIT: the "
            + "threads named `C1/C2 CompilerThread*` (`/proc/PID/task/*/comm`); spans per request: spans received "
            + "during the load and 6 s after it divided by the checkouts answered\n")
        + (webfluxCycles == 0 ? "" : "- WebFlux app (CPU per request, issue 18): `benchmarks/spring-boot-webflux-app` "
            + "(Spring Boot 4 WebFlux on Reactor Netty; executable jar), `GET /proxy?item=1..4` makes one `WebClient` "
            + "GET to a downstream served by the harness (no agent, fixed " + DownstreamServer.BODY.length()
            + "-byte JSON body) and answers its body; every agent's app started once, " + webfluxWarmUp.toSeconds()
            + " s warm-up each" + (webfluxWarmUp.toSeconds() >= 40 ? "" : " (**shorter than 40 s: a trial, not a "
                + "measurement of the budget**)") + ", then " + webfluxCycles + " cycles in which each app in turn "
            + "(the order rotating) gets the same clients for " + WEBFLUX_SETTLE.toSeconds() + " s and then a "
            + webfluxWindow.toSeconds() + " s window: user+sys CPU of its JVM over the window divided by the requests "
            + "answered in it; JIT: the threads named `C1/C2 CompilerThread*`; spans per request: spans received "
            + "during the cycles and 6 s after them divided by the requests answered. "
            + "The first request's trace as received: " + webfluxTraces.entrySet().stream()
                .map(e -> e.getKey() + " `" + e.getValue() + "`").collect(Collectors.joining(", ")) + "\n")
        + (springJar == null ? "" : "- Spring Boot app: `benchmarks/spring-boot-jpa-app` (Spring Boot 4, Spring MVC + "
            + "Thymeleaf, Spring Data JPA on H2, Actuator; executable jar), from launch to the first 200 of "
            + "`GET /orders/1`\n")
        + "\n"
        + report.table() + "\n"
        + (webfluxCycles == 0 ? "" : "### WebFlux app, CPU per request in turns (issue 18)\n\nEach agent's "
            + webfluxCycles + " windows paired with the no-agent app's window of the same cycle: means of each "
            + "column and of the paired differences (agent − no agent), with the differences' 95 % confidence "
            + "interval (Student's t):\n\n" + report.webfluxPairs() + "\n")
        + (metricsPairs == 0 ? "" : "### JVM metrics at start-up (issue 21)\n\n" + metricsPairs + " pairs of runs of "
            + "`FirstTracedCallMain` (one `java.net.http` GET to a server in the harness right after start: the "
            + "agent builds its SDK inside that first traced call), Vireo with " + metricsOff.description()
            + ", the order alternating from pair to pair after one discarded warm-up pair. "
            + "Means of each arm and of the paired differences, with the differences' 95 % confidence interval "
            + "(Student's t):\n\n" + report.metricsStartup() + "\n")
        + "### Targets\n\n" + report.targets() + "\n"
        + "<details><summary>All values (in run order)</summary>\n\n```\n"
        + report.rawValues(rawColumns(columns, metricsPairs)) + "```\n</details>\n";
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, markdown);
    String readme = options.getOrDefault("readme", "none");
    if (!readme.isEmpty() && !readme.equals("none")) {
      embed(Path.of(readme), markdown.substring(markdown.indexOf("\n\n") + 2));
    }
    System.out.println();
    System.out.println(markdown);
    System.out.println("Written to " + out);
  }

  /**
   * Issue 21's start-up budget: pairs of first-traced-call runs, Vireo with the JVM metrics off and on. The order
   * alternates (off-on, on-off, ...) so a machine getting busier or quieter over the run favours neither arm; one
   * warm-up pair first (page cache, the harness's own JIT) is not counted.
   */
  private static void firstCallPairs(ForkedRuns runs, SpanCounter spans, Path vireoJar, Path classes, int pairs,
                                     MetricsOffArm metricsOff, Measurements into)
      throws IOException, InterruptedException {
    AgentUnderTest off = AgentUnderTest.of(ResultsReport.FIRST_CALL_METRICS_OFF, vireoJar, metricsOff.settings());
    AgentUnderTest on = AgentUnderTest.of(ResultsReport.FIRST_CALL_METRICS_ON, vireoJar, MetricsOffArm.ON_SETTINGS);
    System.out.printf("First traced call, Vireo with %s: 1 warm-up pair + %d pairs%n", metricsOff.description(), pairs);
    try (LocalHttpTarget target = LocalHttpTarget.open()) {
      Measurements discarded = new Measurements();
      firstCall(runs, spans, off, "firstcall-warmup-off", classes, target, discarded);
      firstCall(runs, spans, on, "firstcall-warmup-on", classes, target, discarded);
      for (int pair = 1; pair <= pairs; pair++) {
        boolean offFirst = pair % 2 == 1;
        for (AgentUnderTest agent : offFirst ? List.of(off, on) : List.of(on, off)) {
          firstCall(runs, spans, agent, "firstcall-" + (agent == off ? "off" : "on") + "-" + pair, classes, target,
              into);
        }
        PairedDifference wall = PairedDifference.of(
            into.all(off.name(), Metric.FIRST_CALL_WALL), into.all(on.name(), Metric.FIRST_CALL_WALL));
        System.out.printf(java.util.Locale.ROOT, "  pair %2d (%s first), off/on: wall %s ms, CPU %s ms, "
                + "without JIT %s ms, call thread CPU %s ms | on - off so far: %+.1f ms wall%n",
            pair, offFirst ? "off" : "on",
            lastTwo(into, off, on, Metric.FIRST_CALL_WALL), lastTwo(into, off, on, Metric.FIRST_CALL_CPU),
            lastTwo(into, off, on, Metric.FIRST_CALL_CPU_NO_JIT), lastTwo(into, off, on, Metric.FIRST_CALL_THREAD_CPU),
            wall.mean());
      }
    }
  }

  /** One run, and a check that the metrics arm, and only it, sent the JVM metrics (at its exit). */
  private static void firstCall(ForkedRuns runs, SpanCounter spans, AgentUnderTest agent, String runName,
                                Path classes, LocalHttpTarget target, Measurements into)
      throws IOException, InterruptedException {
    spans.drain();
    long exportsBefore = spans.runtimeMetricExports();
    runs.firstTracedCall(agent, runName, classes, target.url(), into);
    spans.drain();
    boolean sent = spans.runtimeMetricExports() > exportsBefore;
    if (sent != (agent.name().equals(ResultsReport.FIRST_CALL_METRICS_ON))) {
      System.out.printf("  %s: JVM metrics %s received; expected %s%n", runName, sent ? "were" : "were not",
          sent ? "none" : "them (see its log)");
    }
  }

  private static String lastTwo(Measurements m, AgentUnderTest off, AgentUnderTest on, Metric metric) {
    List<Double> a = m.all(off.name(), metric);
    List<Double> b = m.all(on.name(), metric);
    if (a.isEmpty() || b.isEmpty()) {
      return "–";
    }
    return ResultsReport.number(a.get(a.size() - 1)) + "/" + ResultsReport.number(b.get(b.size() - 1));
  }

  private static List<String> rawColumns(List<String> columns, int metricsPairs) {
    if (metricsPairs == 0) {
      return columns;
    }
    List<String> all = new ArrayList<>(columns);
    all.add(ResultsReport.FIRST_CALL_METRICS_OFF);
    all.add(ResultsReport.FIRST_CALL_METRICS_ON);
    return all;
  }

  /** Replaces what lies between the README's result markers, so the quoted table is always the last run's. */
  private static void embed(Path readme, String results) throws IOException {
    String start = "<!-- results:start -->";
    String end = "<!-- results:end -->";
    String text = Files.readString(readme);
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      System.out.println("No " + start + " ... " + end + " markers in " + readme + "; not updated");
      return;
    }
    Files.writeString(readme, text.substring(0, from + start.length()) + "\n" + results + text.substring(to));
    System.out.println("Updated " + readme);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }

  private static Path existing(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || !Files.isRegularFile(Path.of(value))) {
      throw new IllegalArgumentException("--" + name + "=<file> is required and must exist, got " + value);
    }
    return Path.of(value);
  }

  private static String slug(AgentUnderTest agent) {
    if (agent.isNone()) {
      return "none";
    }
    String name = agent.name().toLowerCase(java.util.Locale.ROOT);
    return name.startsWith("otel") ? "otel" : name.replaceAll("[^a-z0-9]+", "-");
  }

  private static String implementationVersion(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      String version = file.getManifest().getMainAttributes().getValue("Implementation-Version");
      return version == null ? "?" : version;
    }
  }

  private static String loadAverage() throws IOException {
    String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return parts[0] + " / " + parts[1] + " / " + parts[2];
  }

  private static String machine() throws IOException {
    String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
    String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    return Runtime.getRuntime().availableProcessors() + " CPUs (" + model + "), " + memory + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.version");
  }
}
