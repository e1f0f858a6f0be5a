package dev.vireo.instrumentation.api;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;

/** Observes operations for metrics; gets the same attributes as the span. */
public interface OperationListener {

  Context onStart(Context context, Attributes startAttributes, long startNanos);

  void onEnd(Context context, Attributes endAttributes, long endNanos);
}
