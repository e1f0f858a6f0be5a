package dev.vireo.instrumentation.r2dbc;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** A factory's connections publisher that tells each connection the factory's facts as it passes by. */
final class ConnectionTaggingPublisher implements Publisher<Object> {

  private final Publisher<Object> source;
  private final R2dbcConnectionInfo info;

  ConnectionTaggingPublisher(Publisher<Object> source, R2dbcConnectionInfo info) {
    this.source = source;
    this.info = info;
  }

  @Override
  public void subscribe(Subscriber<? super Object> subscriber) {
    source.subscribe(new Tagging(subscriber, info));
  }

  private static final class Tagging implements Subscriber<Object> {
    private final Subscriber<? super Object> actual;
    private final R2dbcConnectionInfo info;

    Tagging(Subscriber<? super Object> actual, R2dbcConnectionInfo info) {
      this.actual = actual;
      this.info = info;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      actual.onSubscribe(subscription);
    }

    @Override
    public void onNext(Object connection) {
      try {
        ConnectionInfos.connectionCreated(connection, info);
      } catch (Throwable t) {
        // never into the application's stream
      }
      actual.onNext(connection);
    }

    @Override
    public void onError(Throwable error) {
      actual.onError(error);
    }

    @Override
    public void onComplete() {
      actual.onComplete();
    }
  }
}
