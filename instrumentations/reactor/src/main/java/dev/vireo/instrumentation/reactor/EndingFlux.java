package dev.vireo.instrumentation.reactor;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.reactivestreams.Subscriber;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/**
 * The {@code Flux} a traced method returns in place of its own: subscribed with the method's context
 * current (see {@link EndingMono}); the operation ends on completion, error or cancellation.
 */
final class EndingFlux<T> extends Flux<T> {

  private final Flux<T> source;
  private final Context context;
  private final EndOnce end;

  @SuppressWarnings("unchecked")
  EndingFlux(Flux<?> source, Context context, EndOnce end) {
    this.source = (Flux<T>) source;
    this.context = context;
    this.end = end;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    // the source's own signals come in the method's context; the caller's operators get theirs back
    Subscriber<? super T> ending = new EndingSubscriber<>(ContextLifter.withCurrentContext(actual), end, false);
    try (Scope ignored = context.makeCurrent()) {
      source.subscribe(ending);
    }
  }
}
