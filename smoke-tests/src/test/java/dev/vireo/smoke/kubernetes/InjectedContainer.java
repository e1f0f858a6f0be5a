package dev.vireo.smoke.kubernetes;

import dev.vireo.smoke.SmokeEnvironment;
import dev.vireo.testing.otlp.AgentJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An application container as the OpenTelemetry Operator leaves it after injecting Java auto-instrumentation: the
 * init container's {@code cp} put the agent at {@code /otel-auto-instrumentation-java-<container>/javaagent.jar},
 * {@code JAVA_TOOL_OPTIONS} names it, and the {@code OTEL_*} variables come from the {@code Instrumentation} resource
 * and the pod's metadata (already expanded, as the kubelet does for {@code $(VAR)} references). The application
 * itself is started with a plain {@code java -cp ... Main}: it knows nothing of the agent.
 */
final class InjectedContainer {

  static final String CONTAINER = "app";
  static final String SERVICE_NAME = "checkout";

  /** What the operator writes into OTEL_RESOURCE_ATTRIBUTES for a Deployment's pod, in its order. */
  static final Map<String, String> RESOURCE_ATTRIBUTES = new LinkedHashMap<>();

  static {
    RESOURCE_ATTRIBUTES.put("k8s.container.name", CONTAINER);
    RESOURCE_ATTRIBUTES.put("k8s.deployment.name", "checkout");
    RESOURCE_ATTRIBUTES.put("k8s.namespace.name", "shop");
    RESOURCE_ATTRIBUTES.put("k8s.node.name", "worker-2");
    RESOURCE_ATTRIBUTES.put("k8s.pod.name", "checkout-6c9f8d7b54-q7x2m");
    RESOURCE_ATTRIBUTES.put("k8s.pod.uid", "5f1c7d2e-8a3b-4c6d-9e0f-1a2b3c4d5e6f");
    RESOURCE_ATTRIBUTES.put("k8s.replicaset.name", "checkout-6c9f8d7b54");
    RESOURCE_ATTRIBUTES.put("service.instance.id", "shop.checkout-6c9f8d7b54-q7x2m.app");
    RESOURCE_ATTRIBUTES.put("service.version", "1.4.2");
  }

  private final Path agentJar;

  private InjectedContainer(Path agentJar) {
    this.agentJar = agentJar;
  }

  /** Does the init container's work: copies the built agent into {@code <root>/otel-auto-instrumentation-java-app}. */
  static InjectedContainer inject(Path root) {
    try {
      Path volume = Files.createDirectories(root.resolve("otel-auto-instrumentation-java-" + CONTAINER));
      return new InjectedContainer(Files.copy(SmokeEnvironment.agentJar(), volume.resolve("javaagent.jar")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path agentJar() {
    return agentJar;
  }

  /** The container's JVM running a test app, with the operator's environment and the collector at {@code endpoint}. */
  AgentJvm jvm(String mainClass, String endpoint) {
    StringBuilder attributes = new StringBuilder();
    RESOURCE_ATTRIBUTES.forEach(
        (key, value) -> attributes.append(attributes.length() == 0 ? "" : ",").append(key).append('=').append(value));
    return AgentJvm.builder()
        .classpath(SmokeEnvironment.testClasses())
        .mainClass(mainClass)
        // appended to whatever the image had, hence the leading space
        .env("JAVA_TOOL_OPTIONS", " -javaagent:" + agentJar)
        .env("OTEL_SERVICE_NAME", SERVICE_NAME)
        .env("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)
        // the downward-API helpers the operator adds and references from OTEL_RESOURCE_ATTRIBUTES
        .env("OTEL_RESOURCE_ATTRIBUTES_POD_NAME", RESOURCE_ATTRIBUTES.get("k8s.pod.name"))
        .env("OTEL_RESOURCE_ATTRIBUTES_NODE_NAME", RESOURCE_ATTRIBUTES.get("k8s.node.name"))
        .env("OTEL_RESOURCE_ATTRIBUTES_POD_UID", RESOURCE_ATTRIBUTES.get("k8s.pod.uid"))
        .env("OTEL_RESOURCE_ATTRIBUTES", attributes.toString())
        .env("OTEL_PROPAGATORS", "tracecontext,baggage,b3")
        .env("OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
        .env("OTEL_TRACES_SAMPLER_ARG", "1");
  }
}
