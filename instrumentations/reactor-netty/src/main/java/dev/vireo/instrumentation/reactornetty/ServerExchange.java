package dev.vireo.instrumentation.reactornetty;

import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** One traced request: its span's context and the one-time end (complete, error or cancel, whichever comes first). */
final class ServerExchange {

  private static final AtomicIntegerFieldUpdater<ServerExchange> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(ServerExchange.class, "ended");

  final Context context;
  final HttpServerRequest request;
  final HttpServerResponse response;
  private volatile int ended;

  ServerExchange(Context context, HttpServerRequest request, HttpServerResponse response) {
    this.context = context;
    this.request = request;
    this.response = response;
  }

  void end(Throwable error) {
    if (ENDED.compareAndSet(this, 0, 1)) {
      ServerSpans.end(this, error);
    }
  }
}
