package dev.vireo.instrumentation.apachehttpclient5;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/**
 * One classic request on the wire within a {@link LogicalCall}. The first carries the first
 * attempt's propagation headers and ends that span with its response; each resend (redirect, retry,
 * authentication challenge answered) gets a span of its own. The span ends when the response head
 * arrives or the exchange fails.
 */
final class Attempt {

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

  static Object start(ClassicHttpRequest wire) {
    try {
      LogicalCall call = LogicalCall.in(Context.current());
      if (call == null || wire == null || "CONNECT".equals(wire.getMethod())) {
        return null; // not ours, or the proxy tunnel set up on the way to the real request
      }
      int resendCount = call.nextAttempt();
      if (resendCount == 0) {
        call.firstRequest.injectInto(wire);
        return new Attempt(call, call.firstAttempt, null);
      }
      // HttpClient has set the wire request's scheme and authority by now
      ApacheHttpRequest resend = new ApacheHttpRequest(null, wire, resendCount);
      Context context = LogicalCall.INSTRUMENTER.start(call.resendParent(), resend);
      resend.injectInto(wire);
      return new Attempt(call, context, resend);
    } catch (RuntimeException e) {
      AgentLog.debug("apache-httpclient-5: attempt not traced: {}", e.toString());
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
