package dev.vireo.instrumentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntransformedClassesTest {

  private static InstrumentationConfig excluding(String value) {
    return new InstrumentationConfig() {
      @Override
      public String getString(String key) {
        return UntransformedClasses.EXCLUDE_CLASSES.equals(key) ? value : null;
      }
    };
  }

  @Test
  void theAgentsOwnClassesAreNeverTransformed() {
    InstrumentationConfig none = excluding(null);
    assertThat(UntransformedClasses.contains("dev.vireo.instrumentation.reactor.EndingMono", none)).isTrue();
    assertThat(UntransformedClasses.contains("dev.vireo.tooling.AgentInstaller", none)).isTrue();
    assertThat(UntransformedClasses.contains("io.opentelemetry.javaagent.bootstrap.Agent", none)).isTrue();
    assertThat(UntransformedClasses.contains("reactor.netty.ByteBufFlux", none)).isFalse();
    assertThat(UntransformedClasses.contains("dev.vireo.testapp.reactor.ThirdPartyMono", none)).isFalse();
  }

  @Test
  void anExcludedEntryIsAPrefixWhenItEndsWithAStarAndAnExactNameOtherwise() {
    InstrumentationConfig config = excluding("com.example.generated.*, com.example.Exact");
    assertThat(UntransformedClasses.contains("com.example.generated.Proxy1", config)).isTrue();
    assertThat(UntransformedClasses.contains("com.example.Exact", config)).isTrue();
    assertThat(UntransformedClasses.contains("com.example.Exactly", config)).isFalse();
    assertThat(UntransformedClasses.contains("com.example.Other", config)).isFalse();
  }
}
