package dev.vireo.instrumentation.okhttp;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The outermost application interceptor: once per application call. Starts the first attempt's span
 * (so its headers go out with the first request and a connection failure is recorded), and makes
 * the call known to {@link AttemptInterceptor} through the context.
 */
final class CallInterceptor implements Interceptor {

  static final CallInterceptor INSTANCE = new CallInterceptor();

  private CallInterceptor() {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Context parent = Context.current();
    LogicalCall call = start(parent, request);
    if (call == null) {
      return chain.proceed(request);
    }
    Response response;
    try (Scope ignored = call.chainContext().makeCurrent()) {
      response = chain.proceed(call.firstRequest().toSend());
    } catch (IOException | RuntimeException | Error e) {
      call.endFirstAttempt(null, e); // failed before reaching the network (connect, DNS, TLS)
      throw e;
    }
    call.endFirstAttempt(response, null); // answered without the network (cache) if still open
    return response;
  }

  private static LogicalCall start(Context parent, Request request) {
    try {
      if (LogicalCall.in(parent) != null) {
        return null; // a second copy of this interceptor in the chain
      }
      OkHttpRequest first = new OkHttpRequest(request, 0);
      if (!LogicalCall.INSTRUMENTER.shouldStart(parent, first)) {
        return null;
      }
      return new LogicalCall(parent, LogicalCall.INSTRUMENTER.start(parent, first), first);
    } catch (RuntimeException e) {
      return null; // never fail the application's call
    }
  }
}
