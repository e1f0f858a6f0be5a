package dev.vireo.instrumentation.api;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;

/** Adds attributes to a span when it starts (sampling sees them) and when it ends. */
public interface AttributesExtractor<REQUEST, RESPONSE> {

  void onStart(AttributesBuilder attributes, Context parentContext, REQUEST request);

  /** {@code response} is null when the operation failed before a response; {@code error} likewise. */
  void onEnd(
      AttributesBuilder attributes, Context context, REQUEST request, RESPONSE response, Throwable error);
}
