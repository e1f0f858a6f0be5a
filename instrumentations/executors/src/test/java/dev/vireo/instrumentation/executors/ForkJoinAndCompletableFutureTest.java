package dev.vireo.instrumentation.executors;

import static dev.vireo.instrumentation.executors.Spans.assertChildrenOfParent;
import static dev.vireo.instrumentation.executors.Spans.child;
import static dev.vireo.instrumentation.executors.Spans.underParent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.context.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ForkJoinPool (execute/submit/invoke/fork) and CompletableFuture async and dependent stages. */
@ExtendWith(AgentTestingExtension.class)
class ForkJoinAndCompletableFutureTest {

  private final ForkJoinPool pool = new ForkJoinPool(1);
  private final ExecutorService single = Executors.newSingleThreadExecutor();

  @AfterEach
  void shutDown() {
    pool.shutdownNow();
    single.shutdownNow();
  }

  private void assertPoolThreadClean() throws Exception {
    assertThat(pool.submit(() -> Context.current() == Context.root()).get(5, TimeUnit.SECONDS))
        .as("context current on the fork/join worker after the task")
        .isTrue();
  }

  @Test
  void forkJoinExecuteRunnable() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    underParent(() -> {
      pool.execute(() -> {
        child("task");
        done.countDown();
      });
      return null;
    });
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertChildrenOfParent("task");
    assertPoolThreadClean();
  }

  @Test
  void forkJoinSubmitCallable() throws Exception {
    ForkJoinTask<Boolean> task = underParent(() -> pool.submit(() -> child("callable")));
    assertThat(task.get(5, TimeUnit.SECONDS)).isTrue();
    assertChildrenOfParent("callable");
    assertPoolThreadClean();
  }

  /** Sums 0..n-1, forking halves; every leaf makes a span. */
  static final class Leaves extends RecursiveTask<Integer> {
    private final int from;
    private final int to;

    Leaves(int from, int to) {
      this.from = from;
      this.to = to;
    }

    @Override
    protected Integer compute() {
      if (to - from == 1) {
        child("leaf" + from);
        return from;
      }
      int middle = (from + to) / 2;
      Leaves left = new Leaves(from, middle);
      left.fork();
      return new Leaves(middle, to).compute() + left.join();
    }
  }

  @Test
  void forkJoinInvokeWithForkedSubtasks() throws Exception {
    int sum = underParent(() -> pool.invoke(new Leaves(0, 4)));
    assertThat(sum).isEqualTo(6);
    assertChildrenOfParent("leaf0", "leaf1", "leaf2", "leaf3");
    assertPoolThreadClean();
  }

  @Test
  void supplyAsyncOnCommonPool() throws Exception {
    CompletableFuture<Boolean> future = underParent(() -> CompletableFuture.supplyAsync(() -> child("supply")));
    assertThat(future.get(5, TimeUnit.SECONDS)).isTrue();
    assertChildrenOfParent("supply");
  }

  @Test
  void runAsyncOnThreadPoolExecutor() throws Exception {
    CompletableFuture<Void> future = underParent(() -> CompletableFuture.runAsync(() -> child("run"), single));
    future.get(5, TimeUnit.SECONDS);
    assertChildrenOfParent("run");
    assertThat(single.submit(() -> Context.current() == Context.root()).get()).isTrue();
  }

  @Test
  void dependentStagesRunInTheContextTheyWereAddedIn() throws Exception {
    // the source is completed later by a thread with no context; the stages were added under "parent"
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<Boolean> chain =
        underParent(() -> source
            .thenApply(value -> child("thenApply") ? value : "no context")
            .thenApplyAsync(value -> child("thenApplyAsync"), pool)
            .thenCompose(ok -> CompletableFuture.supplyAsync(() -> child("composed"), single))
            .whenComplete((ok, error) -> child("whenComplete")));
    Thread completer = new Thread(() -> source.complete("value"));
    completer.start();
    assertThat(chain.get(5, TimeUnit.SECONDS)).isTrue();
    assertChildrenOfParent("thenApply", "thenApplyAsync", "composed", "whenComplete");
    assertPoolThreadClean();
  }

  @Test
  void completingThreadKeepsItsOwnContextAfterFiringStages() throws Exception {
    CompletableFuture<String> source = new CompletableFuture<>();
    underParent(() -> source.thenAccept(value -> child("stage")));
    boolean[] completerClean = new boolean[1];
    Thread completer = new Thread(() -> {
      source.complete("value");
      completerClean[0] = Context.current() == Context.root();
    });
    completer.start();
    completer.join(5000);
    assertThat(completerClean[0]).isTrue();
    assertChildrenOfParent("stage");
  }
}
