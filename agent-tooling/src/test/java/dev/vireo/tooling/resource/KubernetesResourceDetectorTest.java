package dev.vireo.tooling.resource;

import static dev.vireo.tooling.resource.KubernetesResourceDetector.CONTAINER_ID;
import static dev.vireo.tooling.resource.KubernetesResourceDetector.K8S_NAMESPACE_NAME;
import static dev.vireo.tooling.resource.KubernetesResourceDetector.K8S_POD_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesResourceDetectorTest {

  private static final String CONTAINERD = "3f9d1c2b7a6e5d4c3b2a19087f6e5d4c3b2a19087f6e5d4c3b2a19087f6e5d4c";
  private static final String DOCKER = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

  @Test
  void outsideAPodDetectsNothingEvenWithContainerCgroups() {
    KubernetesResourceDetector detector = new KubernetesResourceDetector(
        Map.of("HOSTNAME", "laptop"), FixtureProcFiles.fromFixture("v1-containerd-systemd"));

    assertThat(detector.runsInPod()).isFalse();
    assertThat(detector.detect()).isEqualTo(Resource.empty());
  }

  @Test
  void inAPodFillsPodNameNamespaceAndContainerId() {
    FixtureProcFiles files = FixtureProcFiles.fromFixture("v1-containerd-systemd")
        .put(KubernetesResourceDetector.NAMESPACE_PATH, "shop\n");
    KubernetesResourceDetector detector = new KubernetesResourceDetector(
        Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "HOSTNAME", "shop-backend-7d9f8b6c5d-x2k4p"), files);

    assertThat(detector.detect().getAttributes()).isEqualTo(Attributes.of(
        K8S_POD_NAME, "shop-backend-7d9f8b6c5d-x2k4p",
        K8S_NAMESPACE_NAME, "shop",
        CONTAINER_ID, CONTAINERD));
  }

  @Test
  void serviceAccountTokenAloneMeansPod() {
    FixtureProcFiles files = FixtureProcFiles.fromFixture("v2-docker-private-cgroupns")
        .touch(KubernetesResourceDetector.TOKEN_PATH);
    KubernetesResourceDetector detector = new KubernetesResourceDetector(Map.of("HOSTNAME", "web-0"), files);

    assertThat(detector.runsInPod()).isTrue();
    // cgroup v2 says only "0::/", so the id comes from mountinfo.
    assertThat(detector.detect().getAttributes())
        .isEqualTo(Attributes.of(K8S_POD_NAME, "web-0", CONTAINER_ID, DOCKER));
  }

  @Test
  void leavesOutWhatItCannotFind() {
    KubernetesResourceDetector detector = new KubernetesResourceDetector(
        Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "HOSTNAME", "  "),
        FixtureProcFiles.fromFixture("v2-containerd-private-cgroupns"));

    assertThat(detector.detect()).isEqualTo(Resource.empty());
  }

  @Test
  void unreadableProcGivesPodNameOnly() {
    KubernetesResourceDetector detector = new KubernetesResourceDetector(
        Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "HOSTNAME", "web-0"), new FixtureProcFiles());

    assertThat(detector.detect().getAttributes()).isEqualTo(Attributes.of(K8S_POD_NAME, "web-0"));
  }

  @Test
  void brokenFileAccessNeverEscapes() {
    ProcFiles broken = new ProcFiles() {
      @Override
      public boolean exists(String path) {
        return true;
      }

      @Override
      public String readOrNull(String path) {
        throw new IllegalStateException("simulated");
      }
    };
    KubernetesResourceDetector detector = new KubernetesResourceDetector(Map.of("HOSTNAME", "web-0"), broken);

    assertThat(detector.detect()).isEqualTo(Resource.empty());
  }

  @Test
  void localFilesReadProcAndReportMissingFiles() {
    LocalProcFiles files = new LocalProcFiles();

    assertThat(files.readOrNull("/proc/self/cgroup")).contains("::");
    assertThat(files.readOrNull("/nonexistent/vireo")).isNull();
    assertThat(files.exists("/proc/self/mountinfo")).isTrue();
    assertThat(files.exists("/nonexistent/vireo")).isFalse();
  }
}
