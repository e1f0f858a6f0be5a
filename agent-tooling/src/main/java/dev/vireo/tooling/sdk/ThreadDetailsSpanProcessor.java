package dev.vireo.tooling.sdk;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * {@code thread.id} and {@code thread.name} of the thread that starts each span, as the OpenTelemetry Java agent
 * adds them to every span unless {@code otel.javaagent.add-thread-details=false}: queries and dashboards that group
 * spans by thread keep working after the switch.
 */
final class ThreadDetailsSpanProcessor implements SpanProcessor {

  static final String SETTING = "otel.javaagent.add-thread-details";

  static final AttributeKey<Long> THREAD_ID = AttributeKey.longKey("thread.id");
  static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");

  @Override
  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
  public void onStart(Context parentContext, ReadWriteSpan span) {
    Thread thread = Thread.currentThread();
    span.setAttribute(THREAD_ID, thread.getId());
    span.setAttribute(THREAD_NAME, thread.getName());
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

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
