package dev.vireo.instrumentation.reactor;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.reactivestreams.Subscriber;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * The {@code Mono} a traced method returns in place of its own: subscribing subscribes the method's
 * {@code Mono} with the method's context current (so the context hook hands it to every operator of the
 * chain: work done there is a child of the method's span), and the operation ends on its value, its
 * completion, its error or a cancellation, whichever comes first.
 */
final class EndingMono<T> extends Mono<T> {

  private final Mono<T> source;
  private final Context context;
  private final EndOnce end;

  @SuppressWarnings("unchecked")
  EndingMono(Mono<?> source, Context context, EndOnce end) {
    this.source = (Mono<T>) source;
    this.context = context;
    this.end = end;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    // the source's own signals come in the method's context; the caller's operators get theirs back
    Subscriber<? super T> ending = new EndingSubscriber<>(ContextLifter.withCurrentContext(actual), end, true);
    try (Scope ignored = context.makeCurrent()) {
      source.subscribe(ending);
    }
  }
}
