package dev.vireo.instrumentation.r2dbc;

import dev.vireo.instrumentation.api.SpanFamily;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A factory's connections publisher. The statements a driver or pool runs itself while it makes or
 * hands out a connection (PostgreSQL's {@code SHOW TRANSACTION ISOLATION LEVEL}, a pool's validation
 * query) get no span, as JDBC's driver internals get none: the driver's chain is subscribed with the
 * DB client family marked active, which the Reactor instrumentation carries to its callbacks. The
 * application gets the connection back in the context it subscribed in; a factory with known options
 * tells each connection its facts on the way.
 */
final class ConnectionCreation implements Publisher<Object> {

  private final Publisher<Object> source;
  /** Null when the factory's options are unknown. */
  private final R2dbcConnectionInfo info;

  ConnectionCreation(Publisher<Object> source, R2dbcConnectionInfo info) {
    this.source = source;
    this.info = info;
  }

  @Override
  public void subscribe(Subscriber<? super Object> subscriber) {
    Context caller = Context.current();
    Subscriber<Object> handingOut = new HandingOut(subscriber, info, caller);
    try (Scope ignored = SpanFamily.DB_CLIENT.markActive(caller, Span.getInvalid()).makeCurrent()) {
      source.subscribe(handingOut);
    }
  }

  /** Passes the connection on in the subscriber's own context, with its facts told. */
  private static final class HandingOut implements Subscriber<Object> {
    private final Subscriber<? super Object> actual;
    private final R2dbcConnectionInfo info;
    private final Context caller;

    HandingOut(Subscriber<? super Object> actual, R2dbcConnectionInfo info, Context caller) {
      this.actual = actual;
      this.info = info;
      this.caller = caller;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      try (Scope ignored = caller.makeCurrent()) {
        actual.onSubscribe(subscription);
      }
    }

    @Override
    public void onNext(Object connection) {
      if (info != null) {
        try {
          ConnectionInfos.connectionCreated(connection, info);
        } catch (Throwable t) {
          // never into the application's stream
        }
      }
      try (Scope ignored = caller.makeCurrent()) {
        actual.onNext(connection);
      }
    }

    @Override
    public void onError(Throwable error) {
      try (Scope ignored = caller.makeCurrent()) {
        actual.onError(error);
      }
    }

    @Override
    public void onComplete() {
      try (Scope ignored = caller.makeCurrent()) {
        actual.onComplete();
      }
    }
  }
}
