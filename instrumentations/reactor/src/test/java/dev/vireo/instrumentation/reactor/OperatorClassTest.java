package dev.vireo.instrumentation.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/** What the context hook knows of a publisher class: the input and lifter {@code Scannable} gives, kept per class. */
class OperatorClassTest {

  private static final Mono<Integer> ONE = Mono.just(1);
  private static final Flux<Integer> RANGE = Flux.range(1, 3);

  @Test
  void readsTheInputScannableWouldGive() {
    List<Object> publishers = Arrays.asList(
        ONE.map(i -> i + 1), ONE.flatMap(i -> ONE), ONE.switchIfEmpty(ONE), ONE.onErrorResume(e -> ONE),
        RANGE.map(i -> i), RANGE.filter(i -> i > 1), RANGE.contextWrite(c -> c),
        RANGE.next(), RANGE.single(), RANGE.collectList(), RANGE.count(), RANGE.ignoreElements(), RANGE.hasElements(),
        RANGE.reduce(Integer::sum), RANGE.all(i -> true), RANGE.any(i -> true), RANGE.last(),
        Mono.defer(() -> ONE), Mono.deferContextual(c -> ONE), Mono.zip(ONE, ONE), ONE.then(ONE),
        Mono.firstWithSignal(ONE, ONE), Mono.using(() -> 1, i -> ONE, i -> {}),
        ONE.delayElement(Duration.ofMillis(1)), RANGE.publishOn(reactor.core.scheduler.Schedulers.parallel()),
        liftedByOtherHook(RANGE.map(i -> i)));
    for (Object assembled : publishers) {
      Object publisher = unlifted(assembled);
      OperatorClass operatorClass = OperatorClass.of(publisher);
      String name = publisher.getClass().getSimpleName();
      assertThat(operatorClass.upstream(publisher)).as(name)
          .isSameAs(Scannable.from(publisher).scanUnsafe(Scannable.Attr.PARENT));
      assertThat(operatorClass.scan(publisher, Scannable.Attr.LIFTER)).as(name)
          .isEqualTo(Scannable.from(publisher).scanUnsafe(Scannable.Attr.LIFTER));
    }
  }

  @Test
  void readsReactorsOperatorsThroughTheClassesTheyExtend() {
    // with the agent attached these may be lifted, which is a MonoOperator or FluxOperator too
    assertThat(OperatorClass.of(ONE.map(i -> i)).access).isEqualTo(OperatorClass.Access.MONO_OPERATOR);
    assertThat(OperatorClass.of(RANGE.map(i -> i)).access).isEqualTo(OperatorClass.Access.FLUX_OPERATOR);
    for (String name : OperatorClass.NO_INPUT_NAMES) {
      assertThat(OperatorClass.access(classNamed(name))).as(name).isEqualTo(OperatorClass.Access.NO_INPUT);
    }
    assertThat(OperatorClass.access(classNamed("MonoDelayElement"))).isEqualTo(OperatorClass.Access.MONO_OPERATOR);
    assertThat(OperatorClass.access(String.class)).isEqualTo(OperatorClass.Access.SCANNABLE);
  }

  @Test
  void noInputNamesAreInnerMonos() {
    for (String name : OperatorClass.NO_INPUT_NAMES) {
      assertThat(OperatorKind.classify(classNamed(name))).as(name).isEqualTo(OperatorKind.INNER_MONOS);
    }
  }

  @Test
  void keepsReactorsClassesAndAnswersAsDecidedForEach() {
    List<Class<?>> types = new ArrayList<>();
    for (Set<String> names : Arrays.asList(
        OperatorKind.PASS_THROUGH_NAMES, OperatorKind.INNER_MONOS_NAMES, OperatorKind.LIFT_NAMES)) {
      for (String name : names) {
        // a name missing here was added after the Reactor of these tests (OperatorKindTest checks which)
        classIfPresent(name).ifPresent(types::add);
      }
    }
    assertThat(types).as("Reactor's operators of these tests").hasSizeGreaterThan(64);
    for (int round = 0; round < 2; round++) { // the second reads what the first kept
      for (Class<?> type : types) {
        OperatorClass operatorClass = OperatorClass.of(type);
        assertThat(operatorClass.kind).as(type.getName()).isEqualTo(OperatorKind.classify(type));
        assertThat(operatorClass.access).as(type.getName()).isEqualTo(OperatorClass.access(type));
        assertThat(OperatorClass.kept(type)).as(type.getName()).isTrue();
      }
    }
    // another class loader's classes are answered but not kept, so that the table pins nothing
    assertThat(OperatorClass.of(String.class).kind).isEqualTo(OperatorKind.OTHER);
    assertThat(OperatorClass.kept(String.class)).isFalse();
  }

  /** The operator itself where the agent's hook (attached to these tests) lifted it, else {@code publisher}. */
  private static Object unlifted(Object publisher) {
    Scannable scannable = Scannable.from(publisher);
    return ContextLifter.KEY.equals(scannable.scanUnsafe(Scannable.Attr.LIFTER))
        ? scannable.scanUnsafe(Scannable.Attr.PARENT) : publisher;
  }

  /** Another library's operator hook: its lift is read for its lifter, which is not this hook's. */
  private static Object liftedByOtherHook(Flux<Integer> flux) {
    return Operators.<Integer, Integer>lift((scannable, subscriber) -> subscriber).apply(flux);
  }

  private static Class<?> classNamed(String simpleName) {
    return classIfPresent(simpleName).orElseThrow(() -> new AssertionError("no class " + simpleName));
  }

  private static Optional<Class<?>> classIfPresent(String simpleName) {
    try {
      return Optional.of(
          Class.forName("reactor.core.publisher." + simpleName, false, OperatorClassTest.class.getClassLoader()));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }
}
