package dev.vireo.testapp.springscheduling;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A task the application schedules itself (no {@code @Scheduled}); notes the span current in each run. */
public class CacheRefresh implements Runnable {

  public static final Queue<SpanContext> CURRENT_IN_RUN = new ConcurrentLinkedQueue<>();

  @Override
  public void run() {
    CURRENT_IN_RUN.add(Span.current().getSpanContext());
  }
}
