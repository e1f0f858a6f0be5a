package dev.vireo.instrumentation.apachehttpclient5;

import io.opentelemetry.context.Scope;
import java.io.IOException;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/** The application's request producer, whose request HttpClient receives through {@link AsyncCall#onRequest}. */
final class TracedRequestProducer implements AsyncRequestProducer {

  private final AsyncRequestProducer delegate;
  private final AsyncCall call;

  TracedRequestProducer(AsyncRequestProducer delegate, AsyncCall call) {
    this.delegate = delegate;
    this.call = call;
  }

  @Override
  public void sendRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
    delegate.sendRequest(new TracedChannel(channel, call), context);
  }

  @Override
  public boolean isRepeatable() {
    return delegate.isRepeatable();
  }

  @Override
  public void failed(Exception cause) {
    delegate.failed(cause);
  }

  @Override
  public int available() {
    return delegate.available();
  }

  @Override
  public void produce(DataStreamChannel channel) throws IOException {
    delegate.produce(channel);
  }

  @Override
  public void releaseResources() {
    delegate.releaseResources();
  }

  private static final class TracedChannel implements RequestChannel {
    private final RequestChannel delegate;
    private final AsyncCall call;

    TracedChannel(RequestChannel delegate, AsyncCall call) {
      this.delegate = delegate;
      this.call = call;
    }

    @Override
    public void sendRequest(HttpRequest request, EntityDetails entityDetails, HttpContext context)
        throws HttpException, IOException {
      HttpRequest toSend = call.onRequest(request);
      // HttpClient starts the exchange on this thread: in the span's context, nothing below starts a second span
      try (Scope ignored = call.context().makeCurrent()) {
        delegate.sendRequest(toSend, entityDetails, context);
      }
    }
  }
}
