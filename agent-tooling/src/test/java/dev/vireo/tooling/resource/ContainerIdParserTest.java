package dev.vireo.tooling.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerIdParserTest {

  private static final String DOCKER = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
  private static final String CONTAINERD = "3f9d1c2b7a6e5d4c3b2a19087f6e5d4c3b2a19087f6e5d4c3b2a19087f6e5d4c";
  private static final String CRIO = "7e2a9f1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d5e7f";

  /** Fixture directory, id expected from /proc/self/cgroup, id expected from /proc/self/mountinfo (empty = none). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "v1-docker-cgroupfs,              " + DOCKER + ",",
    "v1-docker-systemd,               " + DOCKER + ",",
    "v1-containerd-systemd,           " + CONTAINERD + ",",
    "v1-crio-systemd,                 " + CRIO + ",",
    "v2-containerd-host-cgroupns,     " + CONTAINERD + ",",
    "v2-crio-host-cgroupns,           " + CRIO + ",",
    "v2-docker-private-cgroupns,      ,                " + DOCKER,
    "v2-containerd-cgroup-mount-root, ,                " + CONTAINERD,
    // Only the pod sandbox's id is visible in these two: no container.id rather than a wrong one.
    "v2-containerd-private-cgroupns,  ,",
    "v2-crio-private-cgroupns,        ,",
  })
  void findsContainerIdInFixture(String fixture, String fromCgroup, String fromMountinfo) {
    assertThat(ContainerIdParser.fromCgroup(FixtureProcFiles.resource(fixture + "/cgroup"))).isEqualTo(fromCgroup);
    assertThat(ContainerIdParser.fromMountinfo(FixtureProcFiles.resource(fixture + "/mountinfo")))
        .isEqualTo(fromMountinfo);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "12:memory:/kubepods/besteffort/pod1/" + DOCKER + ",                           " + DOCKER,
    "1:name=systemd:/system.slice/docker-" + DOCKER + ".scope,                      " + DOCKER,
    "0::/kubepods.slice/x.slice/cri-containerd-" + CONTAINERD + ".scope,            " + CONTAINERD,
    "0::/kubepods.slice/x.slice/crio-" + CRIO + ".scope,                            " + CRIO,
    "4:devices:/docker/" + DOCKER + ",                                              " + DOCKER,
    "0::/,",
    "0::/user.slice/user-1000.slice/session-3.scope,",
    // Upper-case hex, 63 and 65 digits are not container ids.
    "0::/docker-" + "A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90" + ".scope,",
    "0::/docker-" + "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9" + ".scope,",
    "0::/docker-" + "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f900" + ".scope,",
    "garbage without colons,",
  })
  void parsesSingleCgroupLine(String line, String expected) {
    assertThat(ContainerIdParser.fromCgroup(line)).isEqualTo(expected);
  }

  @Test
  void missingFilesGiveNoId() {
    assertThat(ContainerIdParser.fromCgroup(null)).isNull();
    assertThat(ContainerIdParser.fromMountinfo(null)).isNull();
    assertThat(ContainerIdParser.fromMountinfo("")).isNull();
  }

  @Test
  void kubeletContainerDirectoryWithNameIsNotAnId() {
    String line = "2309 2301 259:1 /var/lib/kubelet/pods/uid/containers/shop-backend/5c2e9a1f /dev/termination-log"
        + " rw,relatime - ext4 /dev/root rw";
    assertThat(ContainerIdParser.fromMountinfo(line)).isNull();
  }
}
