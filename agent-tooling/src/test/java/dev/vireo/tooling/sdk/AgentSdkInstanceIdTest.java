package dev.vireo.tooling.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tooling.config.AgentConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A service.instance.id from OTEL_RESOURCE_ATTRIBUTES (the operator's) is used as is, without SDK warnings. */
class AgentSdkInstanceIdTest {

  private static final AttributeKey<String> INSTANCE_ID = AttributeKey.stringKey("service.instance.id");
  private static final String NO_EXPORT =
      "otel.traces.exporter=none;otel.metrics.exporter=none;otel.logs.exporter=none;";

  private final Logger sdkLogger = Logger.getLogger("io.opentelemetry.sdk.resources.ResourceBuilder");
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          warnings.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    sdkLogger.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    sdkLogger.removeHandler(handler);
  }

  @Test
  void configuredInstanceIdWinsWithoutAWarning() {
    Resource resource = build(NO_EXPORT + "otel.resource.attributes=k8s.pod.name=p-1,service.instance.id=shop.p-1.app");
    assertThat(resource.getAttribute(INSTANCE_ID)).isEqualTo("shop.p-1.app");
    assertThat(resource.getAttribute(AttributeKey.stringKey("k8s.pod.name"))).isEqualTo("p-1");
    assertThat(warnings).isEmpty();
  }

  @Test
  void withoutOneTheSdkStillGeneratesARandomInstanceId() {
    Resource resource = build(NO_EXPORT + "otel.resource.attributes=k8s.pod.name=p-1");
    assertThat(resource.getAttribute(INSTANCE_ID))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(warnings).isEmpty();
  }

  @Test
  void otherDisabledProvidersAreKept() {
    java.util.Map<String, String> properties = new java.util.HashMap<>();
    properties.put("otel.resource.attributes", " service.instance.id = x ");
    properties.put(AgentSdk.DISABLED_RESOURCE_PROVIDERS, "com.example.Slow");
    AgentSdk.keepConfiguredInstanceId(properties);
    assertThat(properties.get(AgentSdk.DISABLED_RESOURCE_PROVIDERS))
        .isEqualTo("com.example.Slow," + AgentSdk.RANDOM_INSTANCE_ID_PROVIDER);
  }

  private static Resource build(String agentArgs) {
    AtomicReference<Resource> seen = new AtomicReference<>();
    AgentSdk sdk =
        new AgentSdk(
            AgentConfig.load(agentArgs),
            AgentSdkInstanceIdTest.class.getClassLoader(),
            builder -> builder.addResourceCustomizer((resource, config) -> {
              seen.set(resource);
              return resource;
            }));
    sdk.get();
    sdk.shutdown();
    return seen.get();
  }
}
