package dev.vireo.tooling.resource;

import static dev.vireo.tooling.resource.KubernetesResourceDetector.CONTAINER_ID;
import static dev.vireo.tooling.resource.KubernetesResourceDetector.K8S_NAMESPACE_NAME;
import static dev.vireo.tooling.resource.KubernetesResourceDetector.K8S_POD_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class KubernetesResourceProviderTest {

  private static final String CRIO = "7e2a9f1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d5e7f";

  private final KubernetesResourceDetector inPod = new KubernetesResourceDetector(
      Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "HOSTNAME", "shop-frontend-5b8c-abcde"),
      FixtureProcFiles.fromFixture("v1-crio-systemd").put(KubernetesResourceDetector.NAMESPACE_PATH, "shop"));

  @Test
  void isRegisteredForAutoconfigure() {
    assertThat(ServiceLoader.load(ResourceProvider.class))
        .anySatisfy(provider -> assertThat(provider).isInstanceOf(KubernetesResourceProvider.class));
  }

  @Test
  void neverOverridesAttributesTheOperatorConfigured() {
    DefaultConfigProperties config = DefaultConfigProperties.createFromMap(Map.of(
        "otel.resource.attributes", "k8s.pod.name=from-downward-api,k8s.deployment.name=shop-frontend"));

    Resource resource = new KubernetesResourceProvider(inPod).createResource(config);

    assertThat(resource.getAttributes()).isEqualTo(Attributes.of(K8S_NAMESPACE_NAME, "shop", CONTAINER_ID, CRIO));
  }

  @Test
  void fillsEverythingWhenNothingIsConfigured() {
    Resource resource = new KubernetesResourceProvider(inPod).createResource(
        DefaultConfigProperties.createFromMap(Map.of()));

    assertThat(resource.getAttributes()).isEqualTo(Attributes.of(
        K8S_POD_NAME, "shop-frontend-5b8c-abcde", K8S_NAMESPACE_NAME, "shop", CONTAINER_ID, CRIO));
  }

  @Test
  void mergedUnderConfiguredAttributesTheConfiguredValueWins() {
    Resource configured = Resource.create(Attributes.of(K8S_POD_NAME, "from-downward-api"));
    Resource detected = new KubernetesResourceProvider(inPod).createResource(
        DefaultConfigProperties.createFromMap(Map.of()));

    assertThat(detected.merge(configured).getAttribute(K8S_POD_NAME)).isEqualTo("from-downward-api");
  }
}
