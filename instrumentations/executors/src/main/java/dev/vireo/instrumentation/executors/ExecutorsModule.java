package dev.vireo.instrumentation.executors;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
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

import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Moves the current context to where submitted work runs: executors, fork/join, CompletableFuture,
 * Thread.start and virtual threads. Creates no spans. Only JDK classes carry the capture/run advice
 * (one shared {@link TaskContexts}); library classes only get {@link RootContextAdvice} exclusions.
 */
public final class ExecutorsModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "executors";

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
    return NAME;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        // submit/invokeAll/invokeAny/schedule wrap the work into a FutureTask (or subclass) at submission
        forTypes(named("java.util.concurrent.FutureTask"))
            .withInjectedSlot()
            .advise(isConstructor().and(takesArguments(1).or(takesArguments(2))), PACKAGE + "FutureTaskCreatedAdvice")
            .advise(named("run").and(takesArguments(0)), PACKAGE + "TaskRunAdvice")
            .advise(named("runAndReset").and(takesArguments(0)), PACKAGE + "RepeatedRunAdvice")
            .advise(named("cancel").and(takesArguments(1)), PACKAGE + "TaskCancelledAdvice"),
        // fork/join tasks, ForkJoinPool's adapters of Runnables/Callables, CompletableFuture tasks; one is
        // created per CompletableFuture stage (java.net.http makes dozens per request). Tasks of both kinds
        // keep their context in a field of their own (TaskContexts) where the class loaded after the agent.
        forTypes(named("java.util.concurrent.ForkJoinTask"))
            .withInjectedSlot()
            .advise(isConstructor().and(takesArguments(0)), PACKAGE + "ForkJoinTaskCreatedAdvice")
            .advise(named("doExec").and(takesArguments(0)), PACKAGE + "TaskRunAdvice")
            .advise(named("cancel").and(takesArguments(1)), PACKAGE + "TaskCancelledAdvice"),
        // CompletableFuture.*Async tasks run through run() when the executor is not a ForkJoinPool
        forTypes(
                namedOneOf(
                    "java.util.concurrent.CompletableFuture$AsyncSupply",
                    "java.util.concurrent.CompletableFuture$AsyncRun"))
            .advise(named("run").and(takesArguments(0)), PACKAGE + "TaskRunAdvice"),
        // dependent stages (thenApply, thenCompose, whenComplete, ...) fire through tryFire, on whichever
        // thread completes the source, or asynchronously; UniCompletions say when they have fired
        forTypes(FIRES_COMPLETIONS.and(hasSuperClass(named(UNI_COMPLETION))))
            .advise(TRY_FIRE, PACKAGE + "CompletionFiredAdvice"),
        forTypes(FIRES_COMPLETIONS.and(not(hasSuperClass(named(UNI_COMPLETION)))))
            .advise(TRY_FIRE, PACKAGE + "RepeatedRunAdvice"),
        // execute(Runnable) with a plain Runnable; addWorker starts pool threads, which live for many tasks
        forTypes(named("java.util.concurrent.ThreadPoolExecutor"))
            .advise(named("execute").and(takesArguments(1)).and(takesArgument(0, Runnable.class)), PACKAGE + "ExecuteAdvice")
            .advise(named("addWorker"), PACKAGE + "RootContextAdvice")
            .advise(named("reject").and(takesArguments(1)), PACKAGE + "TaskRejectedAdvice"),
        forTypes(named("java.lang.Thread"))
            .advise(named("start"), PACKAGE + "ThreadStartAdvice")
            .advise(named("run").and(takesArguments(0)), PACKAGE + "ThreadRunAdvice"),
        // Java 21+: a virtual thread runs its task in run(Runnable) on a carrier; the continuation is
        // submitted to the carrier pool on start and on every unpark, from any thread: that submission
        // must not carry a context into the carrier (the virtual thread has its own).
        forTypes(named("java.lang.VirtualThread"))
            .advise(named("start"), PACKAGE + "ThreadStartAdvice")
            .advise(named("run").and(takesArguments(1)), PACKAGE + "ThreadRunAdvice")
            .advise(nameContains("ubmitRunContinuation"), PACKAGE + "RootContextAdvice"),
        // Jetty's QueuedThreadPool starts its runner threads with plain java.lang.Thread (so the thread
        // class does not tell), often while a request dispatches work: the runners serve many requests.
        forTypes(named("org.eclipse.jetty.util.thread.QueuedThreadPool"))
            .advise(named("startThread"), PACKAGE + "RootContextAdvice"));
  }
}
