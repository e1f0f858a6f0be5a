package dev.vireo.instrumentation.executors;

import static dev.vireo.instrumentation.executors.Spans.underParent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.context.Context;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.IdleCheck;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Server/client machinery does not inherit the request that happened to trigger it (stand-ins with
 * the libraries' class names; the libraries are not on this class path). Netty's thread class is
 * covered in {@link ThreadStartTest}.
 */
@ExtendWith(AgentTestingExtension.class)
class InternalTaskExclusionTest {

  @Test
  void jettyPoolThreadStartedDuringARequestDoesNotInheritIt() throws Exception {
    boolean[] root = new boolean[1];
    Thread runner = underParent(() -> new QueuedThreadPool().startThread(() -> root[0] = Context.current() == Context.root()));
    runner.join(5000);
    assertThat(root[0]).isTrue();
  }

  @Test
  void plainThreadStartedDuringARequestDoesInheritIt() throws Exception {
    // the counterpart of the test above: the same start outside QueuedThreadPool propagates
    boolean[] root = new boolean[1];
    Thread thread = underParent(() -> {
      Thread started = new Thread(() -> root[0] = Context.current() == Context.root());
      started.start();
      return started;
    });
    thread.join(5000);
    assertThat(root[0]).isFalse();
  }

  @Test
  void jettyHousekeepingTaskScheduledDuringARequestRunsWithoutIt() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      boolean[] root = new boolean[2];
      CountDownLatch done = new CountDownLatch(2);
      underParent(() -> {
        scheduler.schedule(new IdleCheck(() -> {
          root[0] = Context.current() == Context.root();
          done.countDown();
        }), 1, TimeUnit.MILLISECONDS);
        scheduler.execute(new IdleCheck(() -> {
          root[1] = Context.current() == Context.root();
          done.countDown();
        }));
        return null;
      });
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(root).containsExactly(true, true);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void jettyTaskOnAThreadPoolExecutorIsNotWrapped() throws Exception {
    java.util.concurrent.ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      boolean[] root = new boolean[1];
      CountDownLatch done = new CountDownLatch(1);
      underParent(() -> {
        executor.execute(new IdleCheck(() -> {
          root[0] = Context.current() == Context.root();
          done.countDown();
        }));
        return null;
      });
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(root[0]).isTrue();
    } finally {
      executor.shutdownNow();
    }
  }
}
