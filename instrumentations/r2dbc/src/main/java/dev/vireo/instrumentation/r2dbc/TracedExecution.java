package dev.vireo.instrumentation.r2dbc;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;

/**
 * The results publisher of one {@code execute()}: each subscription is one execution on the wire,
 * so each starts a span under the context current at subscription. While the driver subscribes to
 * its own publisher the span is current, so a delegating statement's driver statement starts no
 * second span.
 */
final class TracedExecution implements Publisher<Object> {

  private final Publisher<Object> source;
  private final R2dbcRequest request;

  TracedExecution(Publisher<Object> source, R2dbcRequest request) {
    this.source = source;
    this.request = request;
  }

  @Override
  public void subscribe(Subscriber<? super Object> subscriber) {
    Execution execution = null;
    try {
      Context parent = Context.current();
      if (ExecutionSpans.INSTRUMENTER.shouldStart(parent, request)) {
        execution = new Execution(ExecutionSpans.INSTRUMENTER.start(parent, request), request);
      }
    } catch (Throwable t) {
      AgentLog.debug("r2dbc: span not started: {}", t);
    }
    if (execution == null) {
      source.subscribe(subscriber);
      return;
    }
    try (Scope ignored = execution.context.makeCurrent()) {
      source.subscribe(new ExecutionSubscriber(subscriber, execution));
    }
  }
}
