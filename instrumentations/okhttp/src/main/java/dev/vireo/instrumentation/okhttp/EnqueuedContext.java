package dev.vireo.instrumentation.okhttp;

import dev.vireo.instrumentation.api.VirtualField;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/** The context an asynchronous call was enqueued in, carried to the dispatcher thread. */
final class EnqueuedContext {

  private static final VirtualField<Runnable, Context> CONTEXT = VirtualField.create();

  private EnqueuedContext() {}

  static void capture(Runnable asyncCall) {
    Context current = Context.current();
    if (current != Context.root()) {
      CONTEXT.set(asyncCall, current);
    }
  }

  /** A scope to close on exit, or null. */
  static Scope restore(Runnable asyncCall) {
    Context context = CONTEXT.get(asyncCall);
    if (context == null) {
      return null;
    }
    CONTEXT.set(asyncCall, null); // a call runs once
    return context.makeCurrent();
  }

  static void close(Object scope) {
    if (scope instanceof Scope) {
      ((Scope) scope).close();
    }
  }
}
