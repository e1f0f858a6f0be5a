package dev.vireo.instrumentation.executors;

import static dev.vireo.instrumentation.executors.Spans.assertChildrenOfParent;
import static dev.vireo.instrumentation.executors.Spans.child;
import static dev.vireo.instrumentation.executors.Spans.underParent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** new Thread(runnable).start(), and the threads that must not inherit. */
@ExtendWith(AgentTestingExtension.class)
class ThreadStartTest {

  @Test
  void threadWithRunnable() throws Exception {
    boolean[] hadContext = new boolean[1];
    Thread thread = underParent(() -> {
      Thread started = new Thread(() -> hadContext[0] = child("thread"));
      started.start();
      return started;
    });
    thread.join(5000);
    assertThat(hadContext[0]).isTrue();
    assertChildrenOfParent("thread");
  }

  @Test
  void threadStartedWithoutContextHasNone() throws Exception {
    boolean[] root = new boolean[1];
    Thread thread = new Thread(() -> root[0] = Context.current() == Context.root());
    thread.start();
    thread.join(5000);
    assertThat(root[0]).isTrue();
  }

  @Test
  void libraryInternalThreadsAreExcluded() throws Exception {
    // Netty's event-loop thread class (a stand-in with the same name: Netty is not on this class path)
    boolean[] root = new boolean[1];
    Thread thread = underParent(() -> {
      Thread started = new io.netty.util.concurrent.FastThreadLocalThread(() -> root[0] = Context.current() == Context.root());
      started.start();
      return started;
    });
    thread.join(5000);
    assertThat(root[0]).isTrue();
  }
}
