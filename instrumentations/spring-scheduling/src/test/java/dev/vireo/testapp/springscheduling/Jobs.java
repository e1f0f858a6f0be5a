package dev.vireo.testapp.springscheduling;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.scheduling.annotation.Scheduled;

/** Two scheduled methods: one notes the span current while it runs, one always fails. */
public class Jobs {

  /** The span context current in each run of {@link #tick()}. */
  public static final Queue<SpanContext> CURRENT_IN_TICK = new ConcurrentLinkedQueue<>();

  @Scheduled(fixedDelay = 50)
  public void tick() {
    CURRENT_IN_TICK.add(Span.current().getSpanContext());
  }

  @Scheduled(fixedDelay = 50)
  public void fail() {
    throw new IllegalStateException("job failed");
  }
}
