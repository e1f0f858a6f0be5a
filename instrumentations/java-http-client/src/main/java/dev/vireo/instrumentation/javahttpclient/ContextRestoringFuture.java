package dev.vireo.instrumentation.javahttpclient;

import java.util.concurrent.CompletableFuture;

/**
 * What {@code sendAsync} returns to the application instead of the JDK's future: completed (by
 * {@link ClientCalls}) inside the caller's context, so stages the application chained on it run
 * there rather than in whatever the JDK's completing thread has. Cancelling it cancels the JDK's
 * exchange as cancelling the original would.
 */
final class ContextRestoringFuture<T> extends CompletableFuture<T> {

  private final CompletableFuture<?> source;

  ContextRestoringFuture(CompletableFuture<?> source) {
    this.source = source;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    source.cancel(mayInterruptIfRunning);
    return super.cancel(mayInterruptIfRunning);
  }
}
