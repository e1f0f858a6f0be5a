package dev.vireo.instrumentation.okhttp;

import java.util.List;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Puts {@link CallInterceptor} first among the application interceptors and {@link
 * AttemptInterceptor} first among the network interceptors of a builder that is being built into
 * a client (so they are the outermost of each kind). The builder keeps them: a second client built
 * from it, or from {@code client.newBuilder()}, already has them and gets no second copy.
 */
final class TracingInterceptors {

  private TracingInterceptors() {}

  static void addTo(OkHttpClient.Builder builder) {
    addFirst(builder.interceptors(), CallInterceptor.INSTANCE);
    addFirst(builder.networkInterceptors(), AttemptInterceptor.INSTANCE);
  }

  private static void addFirst(List<Interceptor> interceptors, Interceptor interceptor) {
    if (!interceptors.contains(interceptor)) {
      interceptors.add(0, interceptor);
    }
  }
}
