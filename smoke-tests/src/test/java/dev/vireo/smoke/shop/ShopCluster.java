package dev.vireo.smoke.shop;

import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The example shop, one JVM per service, each started with {@code -javaagent:vireo-agent.jar} and
 * system properties only (the broker runs without the agent). Services are wired through their READY
 * lines.
 */
final class ShopCluster implements AutoCloseable {

  private final Map<String, ForkedJvm> jvms = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> ready = new HashMap<>();

  /**
   * @param agentSettings system properties for every traced service (service name is added)
   * @param customize last word on each service's JVM (e.g. another JDK)
   */
  static ShopCluster start(Map<String, String> agentSettings, UnaryOperator<AgentJvm> customize) {
    ShopCluster cluster = new ShopCluster();
    try {
      cluster.startAll(agentSettings, customize);
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private void startAll(Map<String, String> agentSettings, UnaryOperator<AgentJvm> customize) {
    String bootstrap = launch("kafka", "KafkaBrokerMain", null, customize).get("bootstrap");
    String inventory = launch("inventory", "InventoryMain", agentSettings, customize).get("target");
    launch("notifier", "NotifierMain", agentSettings, customize, "--kafka.bootstrap=" + bootstrap);
    String backend =
        launch("backend", "BackendMain", agentSettings, customize,
                "--inventory.target=" + inventory, "--kafka.bootstrap=" + bootstrap)
            .get("url");
    launch("frontend", "FrontendMain", agentSettings, customize, "--frontend.port=0", "--backend.url=" + backend);
  }

  String frontendUrl() {
    return ready.get("frontend").get("url");
  }

  List<String> output(String service) {
    return jvms.get(service).output();
  }

  private Map<String, String> launch(
      String service, String mainClass, Map<String, String> agentSettings, UnaryOperator<AgentJvm> customize,
      String... args) {
    AgentJvm jvm =
        AgentJvm.builder()
            .classpath(shopJar())
            .mainClass("dev.vireo.examples.shop." + mainClass)
            .args(args);
    if (agentSettings != null) {
      jvm.javaagent(agentJar()).systemProperty("otel.service.name", service).systemProperties(agentSettings);
      jvm = customize.apply(jvm);
    }
    ForkedJvm started = jvm.start();
    jvms.put(service, started);
    String line = started.awaitOutput("READY " + service, Duration.ofSeconds(120));
    Map<String, String> values = new LinkedHashMap<>();
    for (String token : line.substring(line.indexOf("READY " + service)).split("\\s+")) {
      int eq = token.indexOf('=');
      if (eq > 0) {
        values.put(token.substring(0, eq), token.substring(eq + 1));
      }
    }
    ready.put(service, values);
    return values;
  }

  static Path agentJar() {
    return existing(System.getProperty("vireo.agent.jar", "../agent/target/vireo-agent.jar"));
  }

  static Path shopJar() {
    return existing(System.getProperty("vireo.shop.jar", "../examples/shop/target/vireo-example-shop.jar"));
  }

  private static Path existing(String path) {
    Path file = Paths.get(path);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("not built: " + file.toAbsolutePath());
    }
    return file;
  }

  @Override
  public void close() {
    List<ForkedJvm> started = new ArrayList<>(jvms.values());
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
    jvms.clear();
  }
}
