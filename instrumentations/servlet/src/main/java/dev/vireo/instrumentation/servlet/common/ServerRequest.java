package dev.vireo.instrumentation.servlet.common;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The SERVER span of one request across its dispatches. Dispatches of one request never run at the
 * same time, so the fields need no lock; they are volatile because async dispatches and completion
 * run on other threads.
 */
final class ServerRequest {

  final Context context;
  private Scope scope;
  volatile Throwable error;
  volatile boolean completionListenerAdded;
  volatile boolean ended;

  ServerRequest(Context context) {
    this.context = context;
  }

  /** Makes the request's context current on this thread; returns itself for the exit advice. */
  ServerRequest resume() {
    scope = context.makeCurrent();
    return this;
  }

  void suspend() {
    Scope current = scope;
    scope = null;
    if (current != null) {
      current.close();
    }
  }
}
