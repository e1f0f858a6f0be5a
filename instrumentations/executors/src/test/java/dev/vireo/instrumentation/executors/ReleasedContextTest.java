package dev.vireo.instrumentation.executors;

import static dev.vireo.instrumentation.executors.Spans.collected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.lang.ref.WeakReference;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A captured context is released when its task is done with: run, rejected, cancelled, or dropped
 * with its pool. Checked with weak references to the context that was current at submission.
 */
@ExtendWith(AgentTestingExtension.class)
class ReleasedContextTest {

  /** Runs {@code submit} with a fresh span context current; returns a weak reference to that context. */
  private static WeakReference<Context> submitUnder(Callable<?> submit) throws Exception {
    Span span = VireoTelemetry.get().getTracer("test").spanBuilder("request").startSpan();
    Context context = Context.root().with(span);
    try (Scope ignored = context.makeCurrent()) {
      submit.call();
    } finally {
      span.end();
    }
    return new WeakReference<>(context);
  }

  @Test
  void rejectedTasksLeakNothing() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    executor.shutdown();
    // the tasks are only reachable from this array, which is cleared after the submissions
    // (capturing lambdas: a non-capturing one is a singleton that is never collected)
    String result = new String("never");
    Object[] tasks = {(Callable<String>) () -> result, (Runnable) () -> result.length()};
    WeakReference<Object> callableRef = new WeakReference<>(tasks[0]);
    WeakReference<Object> runnableRef = new WeakReference<>(tasks[1]);
    @SuppressWarnings("unchecked")
    WeakReference<Context> context = submitUnder(() -> {
      assertThatThrownBy(() -> executor.submit((Callable<String>) tasks[0]))
          .isInstanceOf(RejectedExecutionException.class);
      assertThatThrownBy(() -> executor.execute((Runnable) tasks[1]))
          .isInstanceOf(RejectedExecutionException.class);
      return null;
    });
    tasks[0] = null;
    tasks[1] = null;
    assertThat(collected(context)).as("context of rejected tasks collected").isTrue();
    assertThat(collected(callableRef)).isTrue();
    assertThat(collected(runnableRef)).isTrue();
  }

  @Test
  void cancelledScheduledTaskLeaksNothingWhileItWaitsInTheQueue() throws Exception {
    // a ScheduledThreadPoolExecutor keeps a cancelled task queued until its delay has passed
    ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor();
    try {
      Future<?>[] future = new Future<?>[1];
      WeakReference<Context> context =
          submitUnder(() -> future[0] = scheduled.schedule(() -> "later", 1, TimeUnit.HOURS));
      assertThat(future[0].cancel(false)).isTrue();
      assertThat(collected(context)).as("context of the cancelled task collected").isTrue();
    } finally {
      scheduled.shutdownNow();
    }
  }

  @Test
  void cancelledQueuedTaskLeaksNothing() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    CountDownLatch release = new CountDownLatch(1);
    try {
      executor.execute(() -> awaitQuietly(release)); // the cancelled task stays queued behind this
      Future<?>[] future = new Future<?>[1];
      WeakReference<Context> context = submitUnder(() -> future[0] = executor.submit(() -> "queued"));
      assertThat(future[0].cancel(false)).isTrue();
      assertThat(collected(context)).as("context of the cancelled task collected").isTrue();
    } finally {
      release.countDown();
      executor.shutdownNow();
    }
  }

  @Test
  void completedTaskReleasesItsContextWhileTheFutureIsStillHeld() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<?>[] future = new Future<?>[1];
      WeakReference<Context> context = submitUnder(() -> future[0] = executor.submit(() -> "done"));
      assertThat(future[0].get(5, TimeUnit.SECONDS)).isEqualTo("done");
      assertThat(collected(context)).as("context of the completed task collected").isTrue();
      assertThat(future[0]).isNotNull();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void tasksDroppedByShutdownNowLeakNothing() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    CountDownLatch release = new CountDownLatch(1);
    executor.execute(() -> awaitQuietly(release));
    WeakReference<Context> context = submitUnder(() -> executor.submit(() -> "never run"));
    assertThat(executor.shutdownNow()).hasSize(1); // the queued task, dropped by the caller
    release.countDown();
    // The entry's key is weak: once the task is collected, the entry goes at the next capture.
    for (int i = 0; i < 5 && context.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
      submitUnder(() -> new java.util.concurrent.FutureTask<>(() -> "another capture"));
    }
    assertThat(collected(context)).as("context of the dropped task collected").isTrue();
  }

  @Test
  void firedDependentStageReleasesItsContext() throws Exception {
    java.util.concurrent.CompletableFuture<String> source = new java.util.concurrent.CompletableFuture<>();
    Object[] stage = new Object[1];
    WeakReference<Context> context = submitUnder(() -> stage[0] = source.thenApply(value -> value + "!"));
    source.complete("fired");
    assertThat(((java.util.concurrent.CompletableFuture<?>) stage[0]).join()).isEqualTo("fired!");
    assertThat(collected(context)).as("context of the fired stage collected").isTrue();
  }

  @Test
  void threadWithItsOwnRunDoesNotKeepTheStartersContext() throws Exception {
    // e.g. ForkJoinWorkerThread: started while a request is current, it runs no Runnable of that request
    CountDownLatch stop = new CountDownLatch(1);
    Thread[] thread = new Thread[1];
    WeakReference<Context> context = submitUnder(() -> {
      thread[0] = new Thread() {
        @Override
        public void run() {
          awaitQuietly(stop);
        }
      };
      thread[0].start();
      return null;
    });
    try {
      assertThat(collected(context)).as("starter's context collected while the thread runs").isTrue();
    } finally {
      stop.countDown();
      thread[0].join(5000);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
