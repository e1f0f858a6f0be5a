package dev.vireo.instrumentation.executors;

import static dev.vireo.instrumentation.executors.Spans.assertChildrenOfParent;
import static dev.vireo.instrumentation.executors.Spans.child;
import static dev.vireo.instrumentation.executors.Spans.underParent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.context.Context;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ExecutorService/ScheduledExecutorService (ThreadPoolExecutor, ScheduledThreadPoolExecutor). */
@ExtendWith(AgentTestingExtension.class)
class ExecutorPropagationTest {

  private final ExecutorService single = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void shutDown() {
    single.shutdownNow();
    scheduled.shutdownNow();
  }

  /** After whatever ran before, the pool's (only) thread has no context current. */
  private static void assertPoolThreadClean(ExecutorService executor) throws Exception {
    assertThat(executor.submit(() -> Context.current() == Context.root()).get(5, TimeUnit.SECONDS))
        .as("context current on the pool thread after the task")
        .isTrue();
  }

  @Test
  void executeRunnable() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    boolean[] hadContext = new boolean[1];
    underParent(() -> {
      single.execute(() -> {
        hadContext[0] = child("task");
        done.countDown();
      });
      return null;
    });
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(hadContext[0]).isTrue();
    assertChildrenOfParent("task");
    assertPoolThreadClean(single);
  }

  @Test
  void sharedRunnableSubmittedFromTwoContextsRunsInEach() throws Exception {
    // one Runnable object, queued twice from two different traces: each run sees its own parent
    CountDownLatch release = new CountDownLatch(1);
    single.execute(() -> await(release)); // hold the pool so both submissions queue up
    String[] traceIds = new String[2];
    int[] runs = new int[1];
    Runnable shared = () -> traceIds[runs[0]++] =
        io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId();
    String first = underParent(() -> {
      single.execute(shared);
      return io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId();
    });
    String second = underParent(() -> {
      single.execute(shared);
      return io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId();
    });
    release.countDown();
    assertPoolThreadClean(single);
    assertThat(traceIds).containsExactly(first, second);
  }

  @Test
  void submitCallableAndRunnable() throws Exception {
    Future<Boolean> callable = underParent(() -> single.submit(() -> child("callable")));
    Future<?> runnable = underParent(() -> single.submit(() -> {
      child("runnable");
    }));
    assertThat(callable.get(5, TimeUnit.SECONDS)).isTrue();
    runnable.get(5, TimeUnit.SECONDS);
    assertThat(dev.vireo.testing.agent.AgentTesting.waitForSpans(4).size()).isEqualTo(2);
    assertPoolThreadClean(single);
  }

  @Test
  void invokeAll() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Boolean>> tasks = Arrays.asList(() -> child("a"), () -> child("b"), () -> child("c"));
      List<Future<Boolean>> results = underParent(() -> pool.invokeAll(tasks));
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
      assertChildrenOfParent("a", "b", "c");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void invokeAny() throws Exception {
    Boolean hadContext = underParent(() -> single.invokeAny(Arrays.asList(() -> child("any"))));
    assertThat(hadContext).isTrue();
    assertChildrenOfParent("any");
    assertPoolThreadClean(single);
  }

  @Test
  void scheduleRunnableAndCallable() throws Exception {
    ScheduledFuture<?> runnable =
        underParent(() -> scheduled.schedule(() -> {
          child("runnable");
        }, 10, TimeUnit.MILLISECONDS));
    runnable.get(5, TimeUnit.SECONDS);
    assertChildrenOfParent("runnable");
    dev.vireo.testing.agent.AgentTesting.clear();

    ScheduledFuture<Boolean> callable =
        underParent(() -> scheduled.schedule(() -> child("callable"), 10, TimeUnit.MILLISECONDS));
    assertThat(callable.get(5, TimeUnit.SECONDS)).isTrue();
    assertChildrenOfParent("callable");
    assertPoolThreadClean(scheduled);
  }

  @Test
  void executeOnScheduledExecutor() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    underParent(() -> {
      scheduled.execute(() -> {
        child("task");
        done.countDown();
      });
      return null;
    });
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertChildrenOfParent("task");
    assertPoolThreadClean(scheduled);
  }

  @Test
  void periodicTaskRunsInItsContextEveryTime() throws Exception {
    CountDownLatch threeRuns = new CountDownLatch(3);
    ScheduledFuture<?> periodic =
        underParent(() -> scheduled.scheduleAtFixedRate(() -> {
          if (threeRuns.getCount() > 0) {
            child("run" + threeRuns.getCount());
            threeRuns.countDown();
          }
        }, 0, 5, TimeUnit.MILLISECONDS));
    assertThat(threeRuns.await(5, TimeUnit.SECONDS)).isTrue();
    periodic.cancel(false);
    assertChildrenOfParent("run3", "run2", "run1");
    assertPoolThreadClean(scheduled);
  }

  @Test
  void poolThreadStartedDuringARequestDoesNotInheritIt() throws Exception {
    // the first execute() starts the pool's worker thread while "parent" is current: the worker
    // lives on, and later tasks submitted without a context must not see "parent"
    ExecutorService fresh = Executors.newSingleThreadExecutor();
    try {
      underParent(() -> fresh.submit(() -> child("first")).get(5, TimeUnit.SECONDS));
      assertPoolThreadClean(fresh);
      assertChildrenOfParent("first");
    } finally {
      fresh.shutdownNow();
    }
  }

  @Test
  void noContextNoPropagation() throws Exception {
    assertThat(single.submit(() -> Context.current() == Context.root()).get(5, TimeUnit.SECONDS)).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
