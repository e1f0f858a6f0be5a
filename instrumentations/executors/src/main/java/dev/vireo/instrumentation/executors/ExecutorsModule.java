package dev.vireo.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.AdviceTarget;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Moves the current context to where submitted work runs: executors, fork/join, CompletableFuture,
 * Thread.start and virtual threads. Creates no spans. Only JDK classes carry the capture/run advice
 * (one shared {@link TaskContexts}); library classes only get {@link RootContextAdvice} exclusions.
 */
public final class ExecutorsModule implements InstrumentationModule {

  private static final String PACKAGE = "dev.vireo.instrumentation.executors.";
  private static final String UNI_COMPLETION = "java.util.concurrent.CompletableFuture$UniCompletion";
  private static final ElementMatcher.Junction<MethodDescription> TRY_FIRE =
      named("tryFire").and(takesArguments(1)).and(not(isAbstract()));
  /**
   * CompletableFuture's nested classes with a tryFire body: only those have anything to advise, and rewriting
   * AltResult, Completion or the AsynchronousCompletionTask interface would cost start-up for nothing.
   */
  private static final ElementMatcher.Junction<TypeDescription> FIRES_COMPLETIONS =
      nameStartsWith("java.util.concurrent.CompletableFuture$").and(declaresMethod(TRY_FIRE));

  @Override
  public String name() {
    return "executors";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        // submit/invokeAll/invokeAny/schedule wrap the work into a FutureTask (or subclass) at submission
        type(
            named("java.util.concurrent.FutureTask"),
            target -> target
                .applyAdvice(isConstructor().and(takesArguments(1).or(takesArguments(2))), PACKAGE + "FutureTaskCreatedAdvice")
                .applyAdvice(named("run").and(takesArguments(0)), PACKAGE + "TaskRunAdvice")
                .applyAdvice(named("runAndReset").and(takesArguments(0)), PACKAGE + "RepeatedRunAdvice")
                .applyAdvice(named("cancel").and(takesArguments(1)), PACKAGE + "TaskCancelledAdvice")),
        // fork/join tasks, ForkJoinPool's adapters of Runnables/Callables, CompletableFuture tasks
        type(
            named("java.util.concurrent.ForkJoinTask"),
            target -> target
                .applyAdvice(isConstructor().and(takesArguments(0)), PACKAGE + "ForkJoinTaskCreatedAdvice")
                .applyAdvice(named("doExec").and(takesArguments(0)), PACKAGE + "TaskRunAdvice")
                .applyAdvice(named("cancel").and(takesArguments(1)), PACKAGE + "TaskCancelledAdvice")),
        // CompletableFuture.*Async tasks run through run() when the executor is not a ForkJoinPool
        type(
            namedOneOf("java.util.concurrent.CompletableFuture$AsyncSupply", "java.util.concurrent.CompletableFuture$AsyncRun"),
            target -> target.applyAdvice(named("run").and(takesArguments(0)), PACKAGE + "TaskRunAdvice")),
        // dependent stages (thenApply, thenCompose, whenComplete, ...) fire through tryFire, on whichever
        // thread completes the source, or asynchronously; UniCompletions say when they have fired
        type(
            FIRES_COMPLETIONS.and(hasSuperClass(named(UNI_COMPLETION))),
            target -> target.applyAdvice(TRY_FIRE, PACKAGE + "CompletionFiredAdvice")),
        type(
            FIRES_COMPLETIONS.and(not(hasSuperClass(named(UNI_COMPLETION)))),
            target -> target.applyAdvice(TRY_FIRE, PACKAGE + "RepeatedRunAdvice")),
        // execute(Runnable) with a plain Runnable; addWorker starts pool threads, which live for many tasks
        type(
            named("java.util.concurrent.ThreadPoolExecutor"),
            target -> target
                .applyAdvice(named("execute").and(takesArguments(1)).and(takesArgument(0, Runnable.class)), PACKAGE + "ExecuteAdvice")
                .applyAdvice(named("addWorker"), PACKAGE + "RootContextAdvice")
                .applyAdvice(named("reject").and(takesArguments(1)), PACKAGE + "TaskRejectedAdvice")),
        type(
            named("java.lang.Thread"),
            target -> target
                .applyAdvice(named("start"), PACKAGE + "ThreadStartAdvice")
                .applyAdvice(named("run").and(takesArguments(0)), PACKAGE + "ThreadRunAdvice")),
        // Java 21+: a virtual thread runs its task in run(Runnable) on a carrier; the continuation is
        // submitted to the carrier pool on start and on every unpark, from any thread: that submission
        // must not carry a context into the carrier (the virtual thread has its own).
        type(
            named("java.lang.VirtualThread"),
            target -> target
                .applyAdvice(named("start"), PACKAGE + "ThreadStartAdvice")
                .applyAdvice(named("run").and(takesArguments(1)), PACKAGE + "ThreadRunAdvice")
                .applyAdvice(nameContains("ubmitRunContinuation"), PACKAGE + "RootContextAdvice")),
        // Jetty's QueuedThreadPool starts its runner threads with plain java.lang.Thread (so the thread
        // class does not tell), often while a request dispatches work: the runners serve many requests.
        type(
            named("org.eclipse.jetty.util.thread.QueuedThreadPool"),
            target -> target.applyAdvice(named("startThread"), PACKAGE + "RootContextAdvice")));
  }

  private static TypeInstrumentation type(ElementMatcher<TypeDescription> matcher, Consumer<AdviceTarget> advice) {
    return new TypeInstrumentation() {
      @Override
      public ElementMatcher<TypeDescription> typeMatcher() {
        return matcher;
      }

      @Override
      public void transform(AdviceTarget target) {
        advice.accept(target);
      }
    };
  }
}
