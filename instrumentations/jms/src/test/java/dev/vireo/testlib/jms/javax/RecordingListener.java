package dev.vireo.testlib.jms.javax;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageListener;

/**
 * A listener of an ordinary class (instrumented where it is declared; classes under
 * dev.vireo.instrumentation never are): records the span current while it runs and the traceparent
 * property it saw.
 */
public class RecordingListener implements MessageListener {

  public final BlockingQueue<SpanContext> currentSpans = new LinkedBlockingQueue<>();
  public final BlockingQueue<String> traceparents = new LinkedBlockingQueue<>();

  @Override
  public void onMessage(Message message) {
    try {
      String traceparent = message.getStringProperty("traceparent");
      traceparents.add(traceparent == null ? "none" : traceparent);
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
    currentSpans.add(Span.current().getSpanContext());
  }
}
