package dev.vireo.instrumentation.reactornetty;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import reactor.netty.Connection;
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

  /**
   * Whether the response is a chunked stream whose connection is already closed. Reactor Netty writes
   * the last chunk only after the handler's publisher ends, so at that end (or at a cancellation) a
   * closed connection means the client went away in the middle of the body. A fixed-length response
   * is complete once written; Reactor Netty may close its connection before the handler ends, so
   * this is no sign there (a client leaving in the middle of a fixed-length body is not seen, nor an
   * HTTP/2 stream reset: HTTP/2 has no chunked encoding).
   */
  boolean streamCutShort() {
    return response.hasSentHeaders()
        && response.responseHeaders().containsValue(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED, true)
        && response instanceof Connection
        && !((Connection) response).channel().isActive();
  }

  void end(Throwable error) {
    if (ENDED.compareAndSet(this, 0, 1)) {
      ServerSpans.end(this, error);
    }
  }
}
