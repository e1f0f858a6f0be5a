package dev.vireo.tooling.resource;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Map;

/**
 * Autoconfigure hook for {@link KubernetesResourceDetector}, registered in
 * {@code META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider}.
 *
 * <p>Autoconfigure already merges {@code otel.resource.attributes} over provider resources; this provider also drops
 * the keys configured there itself, so the "configured wins" rule holds even for a caller that merges the other way
 * round. Outside a pod it contributes nothing.
 */
public final class KubernetesResourceProvider implements ResourceProvider {

  private final KubernetesResourceDetector detector;

  public KubernetesResourceProvider() {
    this(KubernetesResourceDetector.forThisProcess());
  }

  KubernetesResourceProvider(KubernetesResourceDetector detector) {
    this.detector = detector;
  }

  @Override
  public Resource createResource(ConfigProperties config) {
    Resource detected = detector.detect();
    if (detected.getAttributes().isEmpty()) {
      return detected;
    }
    Map<String, String> configured = config.getMap("otel.resource.attributes");
    if (configured.isEmpty()) {
      return detected;
    }
    return Resource.create(
        detected.getAttributes().toBuilder()
            .removeIf(key -> configured.containsKey(key.getKey()))
            .build());
  }

  /** Runs after the SDK's own providers; the configured attributes are merged over all of them anyway. */
  @Override
  public int order() {
    return 100;
  }
}
