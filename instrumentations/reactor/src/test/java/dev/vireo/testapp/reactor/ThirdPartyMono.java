package dev.vireo.testapp.reactor;

import java.util.concurrent.atomic.AtomicReference;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * A library's own {@code Mono} (Reactor Netty's connection publisher is one): built without Reactor's hooks ever
 * seeing it, completed later by whoever calls {@link #complete}, typically a thread of the library's.
 */
public final class ThirdPartyMono extends Mono<String> {

  private final AtomicReference<CoreSubscriber<? super String>> subscriber = new AtomicReference<>();

  @Override
  public void subscribe(CoreSubscriber<? super String> actual) {
    actual.onSubscribe(Operators.emptySubscription());
    subscriber.set(actual);
  }

  public boolean subscribed() {
    return subscriber.get() != null;
  }

  public void complete(String value) {
    subscriber.get().onNext(value);
    subscriber.get().onComplete();
  }
}
