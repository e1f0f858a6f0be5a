package dev.vireo.instrumentation.apachehttpclient5;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CancellationException;
import org.apache.hc.client5.http.async.methods.ConfigurableHttpRequest;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;

/**
 * One asynchronous call ({@code CloseableHttpAsyncClient.doExecute}): one CLIENT span, started when
 * the request producer hands HttpClient the request (the facts are known then, and the propagation
 * headers go onto a copy of it), ended when the call completes, fails or is cancelled. Redirects
 * and retries HttpClient performs inside the asynchronous exchange stay in this span and carry its
 * propagation headers. The application's callback runs in the caller's context.
 */
final class AsyncCall {

  private final Context parent;
  private final HttpHost target;
  private volatile Context context;
  private volatile ApacheHttpRequest request;
  private volatile HttpResponse response;
  private volatile boolean ended;

  private AsyncCall(Context parent, HttpHost target) {
    this.parent = parent;
    this.target = target;
  }

  /** {producer, consumer, callback} to pass on: traced ones, or the originals when no span is wanted. */
  static Object[] wrap(
      HttpHost target, AsyncRequestProducer producer, AsyncResponseConsumer<?> consumer, FutureCallback<?> callback) {
    Object[] result = {producer, consumer, callback};
    try {
      Context parent = Context.current();
      if (producer == null || consumer == null || ApacheHttpClient5Spans.CALLS.in(parent) != null
          || !ApacheHttpClient5Spans.INSTRUMENTER.shouldStart(parent, null)) {
        return result;
      }
      AsyncCall call = new AsyncCall(parent, target);
      result[0] = new TracedRequestProducer(producer, call);
      result[1] = wrapConsumer(consumer, call);
      result[2] = wrapCallback(callback, call);
    } catch (RuntimeException e) {
      AgentLog.debug("apache-httpclient-5: async call not traced: {}", e.toString());
      return new Object[] {producer, consumer, callback};
    }
    return result;
  }

  private static <T> TracedResponseConsumer<T> wrapConsumer(AsyncResponseConsumer<T> consumer, AsyncCall call) {
    return new TracedResponseConsumer<>(consumer, call);
  }

  private static <T> TracedFutureCallback<T> wrapCallback(FutureCallback<T> callback, AsyncCall call) {
    return new TracedFutureCallback<>(callback, call);
  }

  /** The request to hand HttpClient: a copy carrying the propagation headers (the first time, the span starts). */
  HttpRequest onRequest(HttpRequest produced) {
    try {
      if (request == null) {
        ApacheHttpRequest first = new ApacheHttpRequest(target, produced, 0);
        context = ApacheHttpClient5Spans.INSTRUMENTER.start(parent, first);
        request = first;
      }
      HttpRequest copy = copyOf(produced);
      request.injectInto(copy);
      return copy;
    } catch (RuntimeException e) {
      AgentLog.debug("apache-httpclient-5: async request not traced: {}", e.toString());
      return produced;
    }
  }

  /** The span's context while HttpClient starts the exchange on the caller's thread, or the caller's. */
  Context context() {
    Context started = context;
    return started != null ? started : parent;
  }

  void onResponse(HttpResponse head) {
    response = head;
  }

  void onCompleted() {
    end(null);
  }

  void onFailed(Exception error) {
    end(error);
  }

  void onCancelled() {
    end(new CancellationException("cancelled"));
  }

  Scope makeCallerContextCurrent() {
    return parent.makeCurrent();
  }

  private void end(Throwable error) {
    Context started = context;
    if (started == null || ended) {
      return;
    }
    ended = true;
    ApacheHttpClient5Spans.CALLS.endSpan(started, request, response, error);
  }

  /** A copy of the request with its configuration, so HttpClient treats it as the original. */
  private static HttpRequest copyOf(HttpRequest request) {
    ConfigurableHttpRequest copy = new ConfigurableHttpRequest(request.getMethod(), request.getPath()); // 5.0 has this one
    copy.setScheme(request.getScheme());
    copy.setAuthority(request.getAuthority());
    copy.setVersion(request.getVersion());
    copy.setHeaders(request.getHeaders());
    if (request instanceof Configurable) {
      copy.setConfig(((Configurable) request).getConfig());
    }
    return copy;
  }
}
