package dev.vireo.instrumentation.r2dbc;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One traced execution: its span ends once the results publisher has terminated and so has every
 * consumption of its results that was started ({@code Result.map}, {@code getRowsUpdated} ...).
 * Drivers report a failed statement either on the results publisher (H2) or only while a result is
 * consumed (PostgreSQL), so both are watched; the first error is recorded. A result nobody consumes
 * keeps nothing open.
 */
final class Execution {

  final Context context;
  private final R2dbcRequest request;
  /** The results publisher plus the consumptions running; 0 once ended. */
  private final AtomicInteger open = new AtomicInteger(1);
  private volatile Throwable error;

  Execution(Context context, R2dbcRequest request) {
    this.context = context;
    this.request = request;
  }

  /** A consumption of one of the results starts; false when the span has already ended. */
  boolean consumptionStarted() {
    while (true) {
      int running = open.get();
      if (running == 0) {
        return false;
      }
      if (open.compareAndSet(running, running + 1)) {
        return true;
      }
    }
  }

  void failed(Throwable failure) {
    if (error == null) {
      error = failure;
    }
  }

  /** The results publisher or one consumption has terminated (completed, failed or cancelled). */
  void finished() {
    if (open.decrementAndGet() != 0) {
      return;
    }
    try {
      ExecutionSpans.INSTRUMENTER.end(context, request, null, error);
    } catch (Throwable t) {
      AgentLog.debug("r2dbc: span not ended: {}", t);
    }
  }
}
