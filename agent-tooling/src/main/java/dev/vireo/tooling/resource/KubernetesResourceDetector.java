package dev.vireo.tooling.resource;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Map;

/**
 * Fills the Kubernetes resource attributes a pod can find out about itself when the OpenTelemetry Operator did not
 * inject them: {@code k8s.pod.name} (from {@code HOSTNAME}), {@code k8s.namespace.name} (from the service-account
 * mount) and {@code container.id} (from cgroup / mountinfo).
 *
 * <p>The returned Resource is a fallback: it must be merged <em>under</em> the configured attributes
 * ({@code OTEL_RESOURCE_ATTRIBUTES}, {@code otel.resource.attributes}), i.e. {@code detected.merge(configured)}, so
 * whatever the operator or the user set wins. Outside a pod it is empty.
 */
public final class KubernetesResourceDetector {

  public static final AttributeKey<String> K8S_POD_NAME = AttributeKey.stringKey("k8s.pod.name");
  public static final AttributeKey<String> K8S_NAMESPACE_NAME = AttributeKey.stringKey("k8s.namespace.name");
  public static final AttributeKey<String> CONTAINER_ID = AttributeKey.stringKey("container.id");

  static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";
  static final String TOKEN_PATH = SERVICE_ACCOUNT_DIR + "/token";
  static final String NAMESPACE_PATH = SERVICE_ACCOUNT_DIR + "/namespace";
  static final String CGROUP_PATH = "/proc/self/cgroup";
  static final String MOUNTINFO_PATH = "/proc/self/mountinfo";

  private final Map<String, String> environment;
  private final ProcFiles files;

  public KubernetesResourceDetector(Map<String, String> environment, ProcFiles files) {
    this.environment = environment;
    this.files = files;
  }

  /** Detector for the current process. */
  public static KubernetesResourceDetector forThisProcess() {
    return new KubernetesResourceDetector(System.getenv(), new LocalProcFiles());
  }

  /**
   * Kubernetes sets {@code KUBERNETES_SERVICE_HOST} in every container (unless service links are off) and mounts
   * the service-account token unless automounting is disabled; either one is enough.
   */
  public boolean runsInPod() {
    String serviceHost = environment.get("KUBERNETES_SERVICE_HOST");
    return (serviceHost != null && !serviceHost.isEmpty()) || files.exists(TOKEN_PATH);
  }

  /** The detected attributes, or an empty Resource outside a pod. Never throws. */
  public Resource detect() {
    try {
      if (!runsInPod()) {
        return Resource.empty();
      }
      AttributesBuilder attributes = Attributes.builder();
      putIfPresent(attributes, K8S_POD_NAME, environment.get("HOSTNAME"));
      putIfPresent(attributes, K8S_NAMESPACE_NAME, files.readOrNull(NAMESPACE_PATH));
      putIfPresent(attributes, CONTAINER_ID, containerId());
      return Resource.create(attributes.build());
    } catch (RuntimeException e) {
      // Resource detection is a nicety; a broken /proc must never stop the application from starting.
      return Resource.empty();
    }
  }

  private String containerId() {
    String fromCgroup = ContainerIdParser.fromCgroup(files.readOrNull(CGROUP_PATH));
    return fromCgroup != null ? fromCgroup : ContainerIdParser.fromMountinfo(files.readOrNull(MOUNTINFO_PATH));
  }

  private static void putIfPresent(AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null) {
      String trimmed = value.trim();
      if (!trimmed.isEmpty()) {
        attributes.put(key, trimmed);
      }
    }
  }
}
