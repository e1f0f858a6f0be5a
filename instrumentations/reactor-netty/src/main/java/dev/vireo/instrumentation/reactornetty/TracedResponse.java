package dev.vireo.instrumentation.reactornetty;

import io.opentelemetry.context.Scope;
import java.util.concurrent.CancellationException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * The handler's response publisher, subscribed (by Reactor Netty) with the SERVER span current, so
 * every operator of the application's chain captures it; the span ends at the publisher's end: on
 * completion (for a streamed or server-sent-event body, once the last element is written), on error,
 * or on cancellation, whichever comes first.
 *
 * <p>A response the client did not get whole is recorded as a {@code CancellationException} (the
 * span's {@code error.type}; the status code stays the one sent, if any): a cancellation before any
 * response was sent (the client went away first), and a streamed body whose connection closed before
 * the handler ended ({@link ServerExchange#streamCutShort}). Reactor Netty and Spring WebFlux turn
 * that disconnect into normal completion of the handler (or a cancellation), so the signal alone does
 * not tell.
 */
final class TracedResponse extends Mono<Void> {

  private final Publisher<Void> source;
  private final ServerExchange exchange;

  TracedResponse(Publisher<Void> source, ServerExchange exchange) {
    this.source = source;
    this.exchange = exchange;
  }

  @Override
  public void subscribe(CoreSubscriber<? super Void> actual) {
    try (Scope ignored = exchange.context.makeCurrent()) {
      source.subscribe(new EndingSubscriber(actual, exchange));
    }
  }

  private static final class EndingSubscriber implements CoreSubscriber<Void>, Subscription {

    private final CoreSubscriber<? super Void> actual;
    private final ServerExchange exchange;
    private Subscription upstream;

    EndingSubscriber(CoreSubscriber<? super Void> actual, ServerExchange exchange) {
      this.actual = actual;
      this.exchange = exchange;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      upstream = subscription;
      actual.onSubscribe(this);
    }

    @Override
    public void onNext(Void value) {
      actual.onNext(value);
    }

    @Override
    public void onError(Throwable error) {
      exchange.end(error);
      actual.onError(error);
    }

    @Override
    public void onComplete() {
      exchange.end(exchange.streamCutShort() ? aborted() : null);
      actual.onComplete();
    }

    @Override
    public void request(long n) {
      upstream.request(n);
    }

    @Override
    public void cancel() {
      // Reactor Netty also cancels a handler whose whole response is already out (1.0 does so once it
      // closed the connection after a fixed-length response): that is no failure
      boolean cut = !exchange.response.hasSentHeaders() || exchange.streamCutShort();
      exchange.end(cut ? aborted() : null);
      upstream.cancel();
    }

    /** Recorded as the SERVER span's error when the client went away before the response completed. */
    private static CancellationException aborted() {
      return new CancellationException("the response did not complete: the client aborted or the connection closed");
    }

    @Override
    public reactor.util.context.Context currentContext() {
      return actual.currentContext();
    }
  }
}
