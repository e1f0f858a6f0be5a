package dev.vireo.instrumentation.grpc;

import dev.vireo.instrumentation.api.VirtualField;
import io.grpc.ManagedChannelBuilder;
import io.grpc.ServerBuilder;

/**
 * Adds the tracing interceptor to a builder the first time it builds: a builder that builds several
 * channels (or servers) keeps one interceptor, so no call is traced twice. Added last, the
 * interceptor is the outermost one: it sees the call before the application's interceptors, which
 * therefore run inside the span.
 */
final class BuilderInterception {

  private static final VirtualField<Object, Boolean> INTERCEPTED = VirtualField.create();

  private BuilderInterception() {}

  static void addTo(ManagedChannelBuilder<?> builder) {
    if (markFirst(builder)) {
      builder.intercept(TracingClientInterceptor.INSTANCE);
    }
  }

  static void addTo(ServerBuilder<?> builder) {
    if (markFirst(builder)) {
      builder.intercept(TracingServerInterceptor.INSTANCE);
    }
  }

  private static boolean markFirst(Object builder) {
    if (INTERCEPTED.get(builder) != null) {
      return false;
    }
    INTERCEPTED.set(builder, Boolean.TRUE);
    return true;
  }
}
