package dev.vireo.tooling.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.UntransformedClasses;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;

/** The installer ignores exactly what modules are told no advice reaches ({@link UntransformedClasses}), and more. */
class IgnoredTypesTest {

  private static boolean ignored(ElementMatcher<TypeDescription> types, String name) {
    return types.matches(new TypeDescription.Latent(name, 0, TypeDescription.Generic.OBJECT));
  }

  @Test
  void ignoresTheAgentsOwnClassesByteBuddyAndTheExcludedClasses() {
    InstrumentationConfig config = new InstrumentationConfig() {
      @Override
      public String getString(String key) {
        return UntransformedClasses.EXCLUDE_CLASSES.equals(key) ? "com.example.generated.*,com.example.Exact" : null;
      }
    };
    ElementMatcher<TypeDescription> types = IgnoredTypes.types(config);

    for (String agentPackage : UntransformedClasses.AGENT_PACKAGES) {
      assertThat(ignored(types, agentPackage + "Any")).as(agentPackage).isTrue();
    }
    assertThat(ignored(types, "net.bytebuddy.ByteBuddy")).isTrue();
    assertThat(ignored(types, "com.example.generated.Proxy1")).isTrue();
    assertThat(ignored(types, "com.example.Exact")).isTrue();
    assertThat(ignored(types, "com.example.Exactly")).isFalse();
    assertThat(ignored(types, "reactor.netty.ByteBufFlux")).isFalse();
    assertThat(ignored(types, "java.util.concurrent.ThreadPoolExecutor")).isFalse();
  }
}
