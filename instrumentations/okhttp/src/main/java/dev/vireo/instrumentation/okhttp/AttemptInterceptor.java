package dev.vireo.instrumentation.okhttp;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The outermost network interceptor: once per request put on the wire. The first attempt uses the
 * span {@link CallInterceptor} started (its headers are already on the request); each resend gets
 * a new span with its resend count and its own propagation headers. The span ends when the
 * response headers arrive or the exchange fails.
 */
final class AttemptInterceptor implements Interceptor {

  static final AttemptInterceptor INSTANCE = new AttemptInterceptor();

  private AttemptInterceptor() {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    LogicalCall call = LogicalCall.in(Context.current());
    if (call == null) {
      return chain.proceed(chain.request());
    }
    int resendCount = call.nextAttempt();
    if (resendCount == 0) {
      Response response;
      try (Scope ignored = call.firstAttemptContext().makeCurrent()) {
        response = chain.proceed(chain.request());
      } catch (IOException | RuntimeException | Error e) {
        call.endFirstAttempt(null, e);
        throw e;
      }
      call.endFirstAttempt(response, null);
      return response;
    }
    OkHttpRequest resend = new OkHttpRequest(chain.request(), resendCount);
    Context attempt;
    try {
      attempt = LogicalCall.INSTRUMENTER.start(call.resendParent(), resend);
    } catch (RuntimeException e) {
      return chain.proceed(chain.request());
    }
    Response response;
    try (Scope ignored = attempt.makeCurrent()) {
      response = chain.proceed(resend.toSend());
    } catch (IOException | RuntimeException | Error e) {
      LogicalCall.end(attempt, resend, null, e);
      throw e;
    }
    LogicalCall.end(attempt, resend, response, null);
    return response;
  }
}
