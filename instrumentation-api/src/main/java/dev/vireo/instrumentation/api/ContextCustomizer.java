package dev.vireo.instrumentation.api;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;

/**
 * Adds request-scoped state to an operation's context when it starts, with the request at hand
 * (e.g. the HTTP server route holder a framework updates later). Runs after the span started.
 */
public interface ContextCustomizer<REQUEST> {

  /**
   * {@code startAttributes}: what the extractors already read from the request, and {@code spanName}
   * the name the span started with, so that nothing is read or derived twice.
   */
  Context onStart(Context context, REQUEST request, Attributes startAttributes, String spanName);
}
