package dev.vireo.tooling.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class ArchiveTrainingRunTest {

  @Test
  void aRunThatWritesAnAotCacheOrACdsArchiveIsATrainingRun() {
    for (String flag :
        new String[] {
          "-XX:AOTCacheOutput=app.aot", "-XX:AOTMode=record", "-XX:AOTMode=create", "-Xshare:dump",
          "-XX:ArchiveClassesAtExit=app.jsa"
        }) {
      assertThat(ArchiveTrainingRun.writesArchive(Arrays.asList("/usr/bin/java", "-Xmx1g", flag, "-jar", "app.jar")))
          .as(flag)
          .isTrue();
    }
  }

  @Test
  void aRunThatUsesAnArchiveOrNoneIsNot() {
    for (String flag :
        new String[] {"-XX:AOTCache=app.aot", "-XX:AOTMode=on", "-XX:AOTMode=auto", "-Xshare:auto", "-XX:SharedArchiveFile=a.jsa"}) {
      assertThat(ArchiveTrainingRun.writesArchive(Arrays.asList("/usr/bin/java", flag, "-jar", "app.jar")))
          .as(flag)
          .isFalse();
    }
    assertThat(ArchiveTrainingRun.writesArchive(Collections.emptyList())).isFalse();
  }
}
