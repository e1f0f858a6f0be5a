package dev.vireo.instrumentation.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testapp.reactor.ThirdPartyMono;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The per-class decision behind the context hook, against the Reactor this module is tested with (3.4). */
class OperatorKindTest {

  /** Pass-through operators Reactor added after 3.4; the list is checked against class names, so keep it exact. */
  private static final Set<String> ADDED_AFTER_3_4 = new HashSet<>(Arrays.asList(
      "FluxTap", "FluxTapFuseable", "MonoTap", "MonoTapFuseable",
      "FluxTapRestoringThreadLocals", "MonoTapRestoringThreadLocals",
      "FluxContextWriteRestoringThreadLocals", "MonoContextWriteRestoringThreadLocals", "MonoSingleOptional"));

  @Test
  void everyNamedClassExists() {
    // a misspelt name would silently make that operator OTHER: still correct, but lifted for nothing
    Set<String> names = new HashSet<>(OperatorKind.PASS_THROUGH_NAMES);
    names.addAll(OperatorKind.LIFT_NAMES);
    names.addAll(OperatorKind.INNER_MONOS_NAMES);
    List<String> missing = names.stream()
        .filter(name -> !exists("reactor.core.publisher." + name))
        .sorted()
        .collect(Collectors.toList());
    assertThat(missing).containsExactlyInAnyOrderElementsOf(ADDED_AFTER_3_4);
  }

  @Test
  void classifiesByWhatTheOperatorDoes() throws ClassNotFoundException {
    // by class: with the agent attached, the hook may already have lifted an assembled instance
    assertKind(OperatorKind.CALLABLE, "MonoJust", "MonoCallable", "MonoEmpty", "MonoError", "MonoSupplier");
    assertKind(OperatorKind.PASS_THROUGH, "FluxMap", "MonoMapFuseable", "FluxFilter", "MonoPeek", "FluxDoFinally",
        "MonoCollectList");
    assertKind(OperatorKind.LIFT, "MonoLift", "FluxLiftFuseable");
    assertKind(OperatorKind.INNER_MONOS, "MonoFlatMap", "MonoIgnoreThen", "MonoSwitchIfEmpty", "MonoOnErrorResume",
        "MonoDefer", "MonoZip");
    // their inner publishers may be any Publisher, which nobody wraps
    assertKind(OperatorKind.OTHER, "FluxRange", "FluxFlatMap", "MonoFlatMapMany", "FluxConcatMap", "FluxPublishOn",
        "MonoDelay", "MonoCreate", "FluxSource", "FluxDefer", "MonoDelayUntil");
    assertThat(OperatorKind.classify(String.class)).isEqualTo(OperatorKind.OTHER);
    // the agent's own classes (this test's) are never advised
    assertThat(OperatorKind.classify(LibraryCallableMono.class)).as("a Callable Mono of the agent's").isEqualTo(OperatorKind.OTHER);
    assertThat(OperatorKind.classify(ThirdPartyMono.class)).as("a library's Mono").isEqualTo(OperatorKind.LIBRARY_PUBLISHER);
  }

  private static void assertKind(OperatorKind kind, String... simpleNames) throws ClassNotFoundException {
    for (String simpleName : simpleNames) {
      Class<?> type = Class.forName("reactor.core.publisher." + simpleName, false, OperatorKindTest.class.getClassLoader());
      assertThat(OperatorKind.classify(type)).as(simpleName).isEqualTo(kind);
    }
  }

  /** Reactor's flatMap reads a Callable inner directly, but nothing says a library's one emits where subscribed. */
  private abstract static class LibraryCallableMono extends Mono<String> implements Callable<String> {}

  private static boolean exists(String className) {
    try {
      Class.forName(className, false, OperatorKindTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
