package dev.vireo.instrumentation.apachehttpclient4;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.protocol.HttpContext;

/**
 * One request on the wire within a {@link LogicalCall}. The first carries the first attempt's
 * propagation headers and ends that span with its response; each resend (redirect, retry,
 * authentication challenge answered) gets a span of its own. The span ends when the response head
 * arrives or the exchange fails.
 */
final class Attempt {

  /** httpcore's {@code HttpCoreContext.HTTP_TARGET_HOST}, set by HttpClient before each exchange. */
  private static final String TARGET_HOST = "http.target_host";

  private final LogicalCall call;
  private final Context context;
  private final ApacheHttpRequest request;
  private final Scope scope;

  private Attempt(LogicalCall call, Context context, ApacheHttpRequest request) {
    this.call = call;
    this.context = context;
    this.request = request;
    this.scope = context.makeCurrent();
  }

  static Object start(HttpRequest wire, HttpContext httpContext) {
    try {
      LogicalCall call = LogicalCall.in(Context.current());
      if (call == null || wire == null || "CONNECT".equals(wire.getRequestLine().getMethod())) {
        return null; // not ours, or the proxy tunnel set up on the way to the real request
      }
      int resendCount = call.nextAttempt();
      if (resendCount == 0) {
        call.firstRequest.injectInto(wire);
        return new Attempt(call, call.firstAttempt, null);
      }
      Object target = httpContext == null ? null : httpContext.getAttribute(TARGET_HOST);
      ApacheHttpRequest resend =
          new ApacheHttpRequest(target instanceof HttpHost ? (HttpHost) target : null, wire, resendCount);
      Context context = LogicalCall.INSTRUMENTER.start(call.resendParent(), resend);
      resend.injectInto(wire);
      return new Attempt(call, context, resend);
    } catch (RuntimeException e) {
      AgentLog.debug("apache-httpclient-4: attempt not traced: {}", e.toString());
      return null;
    }
  }

  static void end(Object started, HttpResponse response, Throwable thrown) {
    if (!(started instanceof Attempt)) {
      return;
    }
    Attempt attempt = (Attempt) started;
    attempt.scope.close();
    if (attempt.request == null) {
      attempt.call.endFirstAttempt(response, thrown);
    } else {
      LogicalCall.endSpan(attempt.context, attempt.request, response, thrown);
    }
  }
}
