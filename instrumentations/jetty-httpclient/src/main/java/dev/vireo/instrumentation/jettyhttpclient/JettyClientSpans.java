package dev.vireo.instrumentation.jettyhttpclient;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.http.HttpClientInstrumenters;
import dev.vireo.instrumentation.api.semconv.http.HttpClientResendingCall;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpConversation;
import org.eclipse.jetty.client.transport.HttpExchange;
import org.eclipse.jetty.client.transport.HttpRequest;

/**
 * One CLIENT span per request on the wire (per {@code HttpExchange}), as the HTTP client conventions
 * say. Jetty keeps the requests of one application call (the application's request, then the
 * copies a redirect or an authentication challenge sends) in one {@code HttpConversation}: its first
 * exchange starts a {@link Call} in the caller's context; each later one is a resend with
 * {@code http.request.resend_count}, parented as the HTTP client family's {@link
 * HttpClientResendingCall} parents resends (a sibling of the first under the caller's span, or the
 * first attempt's child when the caller had none). Jetty sends resends from its own threads, so
 * the call lives on the conversation, not in a scope of the calling thread as there.
 */
final class JettyClientSpans {

  static final Instrumenter<JettyHttpRequest, Response> INSTRUMENTER =
      HttpClientInstrumenters.create(
          InstrumentationScope.of(JettyHttpClientModule.NAME),
          new JettyHttpClientAttributesGetter(),
          PropagationHeaderSetter.INSTANCE);

  private static final VirtualField<HttpConversation, Call> CALLS = VirtualField.create();
  private static final VirtualField<HttpExchange, Attempt> ATTEMPTS = VirtualField.create();

  private JettyClientSpans() {}

  /** A request is about to be queued for the wire: starts its span and writes the propagation headers onto it. */
  static void onExchangeCreated(HttpExchange exchange) {
    try {
      HttpRequest request = exchange.getRequest();
      if (request == null || "CONNECT".equals(request.getMethod())) {
        return; // the proxy tunnel set up on the way to the real request
      }
      HttpConversation conversation = request.getConversation();
      Call call = CALLS.get(conversation);
      JettyHttpRequest attempt;
      Context context;
      if (call == null) {
        Context parent = Context.current();
        attempt = new JettyHttpRequest(request, 0);
        if (!INSTRUMENTER.shouldStart(parent, attempt)) {
          CALLS.set(conversation, Call.UNTRACED); // nor its resends (suppressed, or disabled)
          return;
        }
        context = INSTRUMENTER.start(parent, attempt);
        CALLS.set(conversation, new Call(parent, context));
      } else if (call == Call.UNTRACED) {
        return;
      } else {
        attempt = new JettyHttpRequest(request, call.resends.incrementAndGet());
        context = INSTRUMENTER.start(call.resendParent(), attempt);
      }
      attempt.injectInto(request);
      ATTEMPTS.set(exchange, new Attempt(context, attempt));
    } catch (RuntimeException e) {
      AgentLog.debug("jetty-httpclient: request not traced: {}", e.toString());
    }
  }

  /** The exchange is over (response complete, or failed): ends its span once. */
  static void onExchangeEnded(HttpExchange exchange, Response response, Throwable failure) {
    Attempt attempt = ATTEMPTS.take(exchange);
    if (attempt == null) {
      return;
    }
    try {
      INSTRUMENTER.end(attempt.context, attempt.request, response, failure);
    } catch (RuntimeException e) {
      AgentLog.debug("jetty-httpclient: span not ended: {}", e.toString());
    }
  }

  /** The requests of one application call (one conversation). */
  private static final class Call {
    static final Call UNTRACED = new Call(null, null);

    final Context parent;
    final Context firstAttempt;
    final AtomicInteger resends = new AtomicInteger();

    Call(Context parent, Context firstAttempt) {
      this.parent = parent;
      this.firstAttempt = firstAttempt;
    }

    Context resendParent() {
      return HttpClientResendingCall.resendParent(parent, firstAttempt);
    }
  }

  /** One request on the wire: its span and its facts. */
  private static final class Attempt {
    final Context context;
    final JettyHttpRequest request;

    Attempt(Context context, JettyHttpRequest request) {
      this.context = context;
      this.request = request;
    }
  }
}
