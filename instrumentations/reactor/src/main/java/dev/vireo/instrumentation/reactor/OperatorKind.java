package dev.vireo.instrumentation.reactor;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.UntransformedClasses;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What an operator can do to the thread its signals arrive on, decided once per class. The context hook lifts only
 * the operators where a signal can start on another thread; lifting the others would cost an allocation, a subscriber
 * and two context switches per signal each, and a lifted {@code Mono.just} or {@code Mono.fromCallable} also loses
 * Reactor's scalar short cut in {@code flatMap} and {@code concatMap} (the inner is subscribed instead of read).
 */
enum OperatorKind {

  /**
   * A source that computes its one value where it is subscribed or read ({@code Mono.just}, {@code fromCallable},
   * {@code empty}, {@code error}): that is on the subscribing thread, in the subscription's context.
   */
  CALLABLE,

  /**
   * An operator that passes each signal on, on the thread it arrived on, and each request up, on the thread it was
   * made on: it starts no signal of its own, so its output has the context its input has ({@code map}, {@code
   * filter}, the {@code doOn...} family, {@code take}, {@code defaultIfEmpty}, {@code collectList}, ...).
   */
  PASS_THROUGH,

  /**
   * A {@code Mono} operator that subscribes to other {@code Mono}s in a signal or at its own subscription, so in the
   * subscription's context, and passes on what they emit ({@code flatMap}, {@code defer}, {@code then}, {@code
   * switchIfEmpty}, {@code onErrorResume}, {@code zip}, ...). Those inner publishers carry the context themselves:
   * Reactor's are assembled through the hooks, a library's own subclass gets its subscriber wrapped when subscribed
   * ({@link SubscribeInContextAdvice}). Operators whose inner publishers may be any {@code Publisher} ({@code
   * flatMapMany}, {@code Flux.flatMap}, {@code concatMap}, ...) are not of this kind: a plain publisher subscribed by
   * them is seen by nobody.
   */
  INNER_MONOS,

  /**
   * A library's own {@code Mono} or {@code Flux} subclass (Reactor Netty's {@code ByteBufFlux}, say): its subscriber
   * is wrapped when it is subscribed ({@link SubscribeInContextAdvice}), so what it emits arrives in the context of
   * its subscription, and an operator after it needs nothing of its own. Not the agent's own publishers, nor classes
   * excluded with {@code otel.javaagent.exclude-classes}: no advice reaches those.
   */
  LIBRARY_PUBLISHER,

  /** A publisher lifted by an operator hook ({@code MonoLift}, {@code FluxLiftFuseable}, ...), this module's or another's. */
  LIFT,

  /**
   * Everything else: sources, operators that subscribe to other publishers ({@code flatMap}, {@code then}, {@code
   * switchIfEmpty}, {@code onErrorResume}, ...), that switch threads or run timers, and any class not known here.
   */
  OTHER;

  // Reactor 3.4 to 3.8 class names (reactor.core.publisher); a name a version lacks never matches
  static final Set<String> PASS_THROUGH_NAMES = new HashSet<>(Arrays.asList(
      "FluxMap", "FluxMapFuseable", "MonoMap", "MonoMapFuseable",
      "FluxFilter", "FluxFilterFuseable", "MonoFilter", "MonoFilterFuseable",
      "FluxPeek", "FluxPeekFuseable", "MonoPeek", "MonoPeekFuseable", "MonoPeekTerminal",
      "FluxDoOnEach", "FluxDoOnEachFuseable", "MonoDoOnEach", "MonoDoOnEachFuseable",
      "FluxDoFirst", "FluxDoFirstFuseable", "MonoDoFirst", "MonoDoFirstFuseable",
      "FluxDoFinally", "MonoDoFinally",
      "FluxHandle", "FluxHandleFuseable", "MonoHandle", "MonoHandleFuseable",
      "FluxDefaultIfEmpty", "MonoDefaultIfEmpty", "FluxOnErrorReturn", "MonoOnErrorReturn",
      "FluxHide", "MonoHide", "FluxName", "FluxNameFuseable", "MonoName", "MonoNameFuseable",
      "FluxLog", "FluxLogFuseable", "MonoLog", "MonoLogFuseable",
      "FluxTap", "FluxTapFuseable", "MonoTap", "MonoTapFuseable",
      "FluxTapRestoringThreadLocals", "MonoTapRestoringThreadLocals",
      "FluxContextWrite", "MonoContextWrite",
      "FluxContextWriteRestoringThreadLocals", "MonoContextWriteRestoringThreadLocals",
      "FluxOnAssembly", "MonoOnAssembly",
      "FluxTake", "FluxTakeFuseable", "FluxTakeWhile", "FluxTakeUntil", "MonoTakeLastOne", "FluxTakeLastOne",
      "FluxSkip", "FluxSkipWhile", "FluxLimitRequest", "FluxDistinct", "FluxDistinctFuseable",
      "FluxDistinctUntilChanged", "FluxIndex", "FluxIndexFuseable",
      "MonoNext", "MonoSingle", "MonoSingleMono", "MonoSingleOptional", "MonoIgnoreElements", "MonoIgnoreElement",
      "MonoCollectList", "MonoCollect", "MonoReduce", "MonoReduceSeed", "MonoCount",
      "MonoHasElement", "MonoHasElements", "MonoAll", "MonoAny"));

  // each subscribes to its inner publishers through Mono.subscribe(CoreSubscriber) (checked with javap on 3.4 and
  // 3.8) or as Monos typed Publisher, so a library's Mono reaches its own subscribe(CoreSubscriber)
  static final Set<String> INNER_MONOS_NAMES = new HashSet<>(Arrays.asList(
      "MonoFlatMap", "MonoDefer", "MonoDeferContextual", "MonoSwitchIfEmpty", "MonoOnErrorResume",
      "MonoIgnoreThen", "MonoZip", "MonoFirstWithSignal", "MonoUsing"));

  static final Set<String> LIFT_NAMES = new HashSet<>(Arrays.asList(
      "MonoLift", "MonoLiftFuseable", "FluxLift", "FluxLiftFuseable", "ParallelLift", "ParallelLiftFuseable",
      "ConnectableLift", "ConnectableLiftFuseable", "GroupedLift", "GroupedLiftFuseable"));

  /** The package of Reactor's own publishers, which the name sets here and in {@link OperatorClass} are relative to. */
  static final String PACKAGE = "reactor.core.publisher.";

  static OperatorKind classify(Class<?> type) {
    String name = type.getName();
    if (!name.startsWith(PACKAGE)) {
      // a library's own Callable publisher may still emit on another thread: only the advice decides for it
      return isAdvisedLibraryPublisher(type) ? LIBRARY_PUBLISHER : OTHER;
    }
    if (Callable.class.isAssignableFrom(type)) {
      return CALLABLE;
    }
    String simpleName = name.substring(PACKAGE.length());
    if (PASS_THROUGH_NAMES.contains(simpleName)) {
      return PASS_THROUGH;
    }
    if (INNER_MONOS_NAMES.contains(simpleName)) {
      return INNER_MONOS;
    }
    return LIFT_NAMES.contains(simpleName) ? LIFT : OTHER;
  }

  private static boolean isAdvisedLibraryPublisher(Class<?> type) {
    if (!Mono.class.isAssignableFrom(type) && !Flux.class.isAssignableFrom(type)) {
      return false;
    }
    return !UntransformedClasses.contains(type.getName(), InstrumentationConfig.get());
  }
}
