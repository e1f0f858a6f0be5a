package dev.vireo.tooling.install;

import static org.assertj.core.api.Assertions.assertThat;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.Nexus;
import org.junit.jupiter.api.Test;

/** The installer turns Byte Buddy's Nexus injection off only while it creates its builder. */
class NexusSwitchTest {

  @Test
  void leavesNoSystemPropertyBehind() {
    assertThat(System.getProperty(Nexus.PROPERTY)).isNull();

    assertThat(TransformationInstaller.newAgentBuilder(new ByteBuddy())).isNotNull();

    assertThat(System.getProperty(Nexus.PROPERTY)).isNull();
  }

  @Test
  void keepsTheUsersOwnSetting() {
    System.setProperty(Nexus.PROPERTY, "false");
    try {
      TransformationInstaller.newAgentBuilder(new ByteBuddy());

      assertThat(System.getProperty(Nexus.PROPERTY)).isEqualTo("false");
    } finally {
      System.clearProperty(Nexus.PROPERTY);
    }
  }
}
