package dev.vireo.instrumentation.executors;

import static dev.vireo.instrumentation.executors.Spans.assertChildrenOfParent;
import static dev.vireo.instrumentation.executors.Spans.child;
import static dev.vireo.instrumentation.executors.Spans.underParent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Virtual threads (Java 21+; run by the {@code jdk25} surefire execution on Temurin 25 with a single
 * carrier thread). The tests compile for Java 17, so the Java 21 API is called reflectively.
 */
@ExtendWith(AgentTestingExtension.class)
class VirtualThreadPropagationTest {

  private static Thread startVirtual(Runnable task) throws Exception {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    return (Thread) Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class).invoke(builder, task);
  }

  private static ExecutorService newVirtualThreadPerTaskExecutor() throws Exception {
    return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
  }

  private static boolean isVirtual() {
    try {
      return (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  @Test
  void ofVirtualStart() throws Exception {
    boolean[] ranVirtualWithContext = new boolean[1];
    Thread thread = underParent(() -> startVirtual(() -> ranVirtualWithContext[0] = isVirtual() && child("virtual")));
    thread.join(5000);
    assertThat(ranVirtualWithContext[0]).isTrue();
    assertChildrenOfParent("virtual");
  }

  @Test
  void virtualThreadPerTaskExecutorSubmitAndExecute() throws Exception {
    ExecutorService executor = newVirtualThreadPerTaskExecutor();
    CountDownLatch executed = new CountDownLatch(1);
    try {
      Future<Boolean> submitted = underParent(() -> {
        executor.execute(() -> {
          child("executed");
          executed.countDown();
        });
        return executor.submit(() -> isVirtual() && child("submitted"));
      });
      assertThat(submitted.get(5, TimeUnit.SECONDS)).isTrue();
      assertThat(executed.await(5, TimeUnit.SECONDS)).isTrue();
      assertChildrenOfParent("executed", "submitted");
      assertThat(executor.submit(() -> Context.current() == Context.root()).get(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void manyVirtualThreadsEachSeeTheParent() throws Exception {
    ExecutorService executor = newVirtualThreadPerTaskExecutor();
    try {
      List<Future<Boolean>> results = underParent(() -> {
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          String name = "task" + i;
          futures.add(executor.submit(() -> {
            Thread.sleep(1); // park and resume, possibly on another carrier
            return child(name);
          }));
        }
        return futures;
      });
      String[] names = new String[50];
      for (int i = 0; i < 50; i++) {
        assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isTrue();
        names[i] = "task" + i;
      }
      assertChildrenOfParent(names);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aParkedVirtualThreadWithAContextDoesNotPinItsCarrier() throws Exception {
    // One carrier (jdk.virtualThreadScheduler.parallelism=1, maxPoolSize=1): the first virtual thread
    // parks while its context is current; the second can only run (and release it) if the first
    // gave the carrier back.
    CountDownLatch released = new CountDownLatch(1);
    boolean[] firstDone = new boolean[1];
    Thread first = underParent(() -> startVirtual(() -> {
      child("before-park");
      try {
        firstDone[0] = released.await(5, TimeUnit.SECONDS) && child("after-park");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    Thread second = startVirtual(released::countDown);
    first.join(10000);
    second.join(10000);
    assertThat(firstDone[0]).as("first virtual thread resumed").isTrue();
    assertChildrenOfParent("before-park", "after-park");
  }
}
