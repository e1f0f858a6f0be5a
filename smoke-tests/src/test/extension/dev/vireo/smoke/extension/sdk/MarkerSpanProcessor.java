package dev.vireo.smoke.extension.sdk;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/** Sets {@code extension.marker} on every span it sees start. */
final class MarkerSpanProcessor implements SpanProcessor {

  private final String value;

  MarkerSpanProcessor(String value) {
    this.value = value;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    span.setAttribute("extension.marker", value);
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {}

  @Override
  public boolean isEndRequired() {
    return false;
  }
}
