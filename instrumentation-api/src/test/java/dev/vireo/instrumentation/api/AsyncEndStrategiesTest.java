package dev.vireo.instrumentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AsyncEndStrategiesTest {

  /** A result type only its own strategy knows (the registry is global: each test has its own strategy). */
  private static final class Pending {
    final PendingStrategy owner;
    AsyncEndStrategy.AsyncEnd end;

    Pending(PendingStrategy owner) {
      this.owner = owner;
    }
  }

  private static final class Wrapped {
    final Pending pending;

    Wrapped(Pending pending) {
      this.pending = pending;
    }
  }

  private static final class PendingStrategy implements AsyncEndStrategy {
    final AtomicInteger asked = new AtomicInteger();

    @Override
    public Object endWhenDone(Object result, String declaredReturnType, Context context, AsyncEnd end) {
      asked.incrementAndGet();
      if (!(result instanceof Pending)
          || ((Pending) result).owner != this
          || !declaredReturnType.equals(Pending.class.getName())) {
        return null;
      }
      ((Pending) result).end = end;
      return new Wrapped((Pending) result);
    }
  }

  private final List<Throwable> ended = new ArrayList<>();

  @Test
  void completionStageEndsOnCompletionWithTheCauseOfACompletionException() {
    CompletableFuture<String> future = new CompletableFuture<>();
    Object returned = AsyncEndStrategies.endWhenDone(future, "java.util.concurrent.CompletableFuture", Context.root(), ended::add);
    assertThat(returned).isSameAs(future);
    assertThat(ended).isEmpty();
    IllegalStateException failure = new IllegalStateException("no");
    future.completeExceptionally(new CompletionException(failure));
    assertThat(ended).containsExactly(failure);
  }

  @Test
  void registeredStrategyWrapsItsTypeWhereTheDeclaredTypeFits() {
    PendingStrategy strategy = new PendingStrategy();
    AsyncEndStrategies.register(strategy);
    AsyncEndStrategies.register(strategy);

    Pending pending = new Pending(strategy);
    Object returned = AsyncEndStrategies.endWhenDone(pending, Pending.class.getName(), Context.root(), ended::add);
    assertThat(returned).isInstanceOf(Wrapped.class);
    assertThat(((Wrapped) returned).pending).isSameAs(pending);
    assertThat(strategy.asked).hasValue(1); // registered once, asked once
    assertThat(ended).isEmpty();
    pending.end.end(null);
    assertThat(ended).containsExactly((Throwable) null);

    assertThat(AsyncEndStrategies.endWhenDone(new Pending(strategy), "java.lang.Runnable", Context.root(), ended::add)).isNull();
    assertThat(AsyncEndStrategies.endWhenDone("plain", "java.lang.String", Context.root(), ended::add)).isNull();
    assertThat(AsyncEndStrategies.endWhenDone(null, "java.lang.String", Context.root(), ended::add)).isNull();
    assertThat(ended).hasSize(1);
  }

  @Test
  void failingStrategyIsSkipped() {
    AsyncEndStrategy failing =
        (result, declared, context, end) -> {
          throw new IllegalStateException("broken strategy");
        };
    AsyncEndStrategies.register(failing);
    PendingStrategy strategy = new PendingStrategy();
    AsyncEndStrategies.register(strategy);

    Object returned = AsyncEndStrategies.endWhenDone(new Pending(strategy), Pending.class.getName(), Context.root(), ended::add);
    assertThat(returned).isInstanceOf(Wrapped.class);
    assertThat(strategy.asked).hasValue(1);
  }

  @Test
  void endNowOrWhenDoneEndsAtOnceWhatNoStrategyTakes() {
    PendingStrategy strategy = new PendingStrategy();
    AsyncEndStrategies.register(strategy);

    assertThat(AsyncEndStrategies.endNowOrWhenDone("plain", "java.lang.String", Context.root(), ended::add))
        .isEqualTo("plain");
    assertThat(AsyncEndStrategies.endNowOrWhenDone(null, "java.lang.String", Context.root(), ended::add)).isNull();
    assertThat(ended).containsExactly(null, null);

    Pending pending = new Pending(strategy);
    Object returned = AsyncEndStrategies.endNowOrWhenDone(pending, Pending.class.getName(), Context.root(), ended::add);
    assertThat(returned).isInstanceOf(Wrapped.class);
    assertThat(ended).hasSize(2); // not yet: when the pending result ends
    pending.end.end(null);
    assertThat(ended).hasSize(3);
  }
}
