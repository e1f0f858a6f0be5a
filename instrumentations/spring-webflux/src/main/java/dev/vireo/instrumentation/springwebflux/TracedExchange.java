package dev.vireo.instrumentation.springwebflux;

import dev.vireo.instrumentation.api.ReactorContextKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.reactivestreams.Subscription;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * One exchange attempt: on subscription, a CLIENT span starts under the context current then (the
 * caller's, carried by the Reactor hook), the propagation headers go into a copy of the request, and
 * the span ends when the response arrives (its status known; the body is the caller's business), on
 * error (connection refused, timeout), or on cancellation, whichever comes first.
 */
final class TracedExchange extends Mono<ClientResponse> {

  private final ClientRequest request;
  private final ExchangeFunction next;

  TracedExchange(ClientRequest request, ExchangeFunction next) {
    this.request = request;
    this.next = next;
  }

  @Override
  public void subscribe(CoreSubscriber<? super ClientResponse> actual) {
    WebClientCall call = WebClientSpans.start(request);
    if (call == null) {
      next.exchange(request).subscribe(actual);
      return;
    }
    EndingSubscriber ending = new EndingSubscriber(actual, call, Context.current());
    try (Scope ignored = call.context.makeCurrent()) {
      next.exchange(call.tracedRequest()).subscribe(ending);
    }
  }

  private static final class EndingSubscriber implements CoreSubscriber<ClientResponse>, Subscription {

    private static final AtomicIntegerFieldUpdater<EndingSubscriber> ENDED =
        AtomicIntegerFieldUpdater.newUpdater(EndingSubscriber.class, "ended");

    private final CoreSubscriber<? super ClientResponse> actual;
    private final WebClientCall call;
    // the exchange's own signals come in the CLIENT span's context; the caller's operators get theirs back
    private final Context callerContext;
    private Subscription upstream;
    private reactor.util.context.Context reactorContext;
    private volatile int ended;

    EndingSubscriber(CoreSubscriber<? super ClientResponse> actual, WebClientCall call, Context callerContext) {
      this.actual = actual;
      this.call = call;
      this.callerContext = callerContext;
    }

    private void end(ClientResponse response, Throwable error) {
      if (ENDED.compareAndSet(this, 0, 1)) {
        WebClientSpans.end(call, response, error);
      }
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      upstream = subscription;
      actual.onSubscribe(this);
    }

    @Override
    public void onNext(ClientResponse response) {
      end(response, null);
      try (Scope ignored = callerContext.makeCurrent()) {
        actual.onNext(response);
      }
    }

    @Override
    public void onError(Throwable error) {
      end(null, error);
      try (Scope ignored = callerContext.makeCurrent()) {
        actual.onError(error);
      }
    }

    @Override
    public void onComplete() {
      end(null, null);
      try (Scope ignored = callerContext.makeCurrent()) {
        actual.onComplete();
      }
    }

    @Override
    public void request(long n) {
      upstream.request(n);
    }

    @Override
    public void cancel() {
      end(null, null);
      upstream.cancel();
    }

    /**
     * The caller's Reactor context with the CLIENT span's context under {@link ReactorContextKey#KEY}: the HTTP
     * client below (Reactor Netty's) reads its parent there on its event loop, where no context is current unless
     * the Reactor module carries one, and so sees this span and starts none of its own. Built once, on demand.
     */
    @Override
    public reactor.util.context.Context currentContext() {
      reactor.util.context.Context withCall = reactorContext;
      if (withCall == null) {
        withCall = actual.currentContext().put(ReactorContextKey.KEY, call.context);
        reactorContext = withCall; // racy but idempotent
      }
      return withCall;
    }
  }
}
