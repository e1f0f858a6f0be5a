package dev.vireo.instrumentation.spi;

import static dev.vireo.instrumentation.spi.MethodNames.methodsNamed;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;

class MethodNamesTest {

  private static final TypeDescription EXECUTOR_SERVICE = TypeDescription.ForLoadedType.of(ExecutorService.class);

  @Test
  void matchesMethodsWithOneOfTheNames() {
    MethodNames names = methodsNamed("submit", "shutdown");

    assertThat(EXECUTOR_SERVICE.getDeclaredMethods().filter(names)).extracting(MethodDescription::getName)
        .containsOnly("submit", "shutdown")
        .hasSize(4);
    assertThat(names.names()).containsExactly("submit", "shutdown");
  }

  @Test
  void narrowingKeepsTheNamesAndNarrows() {
    ElementMatcher.Junction<MethodDescription> narrowed =
        methodsNamed("submit", "shutdown").and(takesArguments(1)).and(isPublic());

    assertThat(narrowed).isInstanceOf(MethodNames.class);
    assertThat(((MethodNames) narrowed).names()).containsExactly("submit", "shutdown");
    assertThat(EXECUTOR_SERVICE.getDeclaredMethods().filter(narrowed)).extracting(MethodDescription::getName)
        .containsOnly("submit")
        .hasSize(2);
  }

  @Test
  void wideningLosesTheNames() {
    ElementMatcher.Junction<MethodDescription> widened = methodsNamed("submit").or(named("shutdown"));

    assertThat(widened).isNotInstanceOf(MethodNames.class);
    assertThat(EXECUTOR_SERVICE.getDeclaredMethods().filter(widened)).hasSize(4);
  }
}
