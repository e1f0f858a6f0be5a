package dev.vireo.instrumentation.rxjava3;

import dev.vireo.instrumentation.api.AsyncEndStrategy;
import dev.vireo.instrumentation.api.InstrumentationConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The end of one traced call's operation, run by the first terminal signal of any subscription to its
 * result (a second subscription runs under the already ended span). Disposal (cancellation) ends it
 * without error, as the OpenTelemetry agent does, marked {@code rxjava.canceled=true} when {@code
 * otel.instrumentation.rxjava.experimental-span-attributes} is on.
 */
final class EndOnce extends AtomicBoolean {

  private static final boolean MARK_CANCELED =
      InstrumentationConfig.get().getBoolean("otel.instrumentation.rxjava.experimental-span-attributes", false);

  private final Context context;
  private final AsyncEndStrategy.AsyncEnd end;

  EndOnce(Context context, AsyncEndStrategy.AsyncEnd end) {
    this.context = context;
    this.end = end;
  }

  void end(Throwable error) {
    if (compareAndSet(false, true)) {
      end.end(error);
    }
  }

  void cancel() {
    if (compareAndSet(false, true)) {
      if (MARK_CANCELED) {
        Span.fromContext(context).setAttribute("rxjava.canceled", true);
      }
      end.end(null);
    }
  }
}
