package dev.vireo.instrumentation.jdbc;

import dev.vireo.instrumentation.api.SpanFamily;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * A scope in which no JDBC span starts: the DB client family is marked active without a span, so
 * statements executed by driver or pool internals (metadata lookups, liveness checks) stay silent.
 */
final class NoSpanScope {

  private NoSpanScope() {}

  static Scope open() {
    return SpanFamily.DB_CLIENT.markActive(Context.current(), Span.getInvalid()).makeCurrent();
  }
}
