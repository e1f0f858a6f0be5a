package dev.vireo.instrumentation.jms.javax;

import javax.jms.Message;
import javax.jms.MessageListener;

/**
 * A lambda listener with the process span around each message; listeners of ordinary classes get
 * the span from {@link ListenerAdvice} instead and are registered as they are.
 */
final class TracingMessageListener implements MessageListener {

  private final MessageListener delegate;

  private TracingMessageListener(MessageListener delegate) {
    this.delegate = delegate;
  }

  static MessageListener wrapLambda(MessageListener listener) {
    if (listener == null || listener instanceof TracingMessageListener) {
      return listener;
    }
    // hidden classes (lambdas) are never transformed; their generated names contain "$$Lambda"
    return listener.getClass().getName().contains("$$Lambda") ? new TracingMessageListener(listener) : listener;
  }

  @Override
  public void onMessage(Message message) {
    Object[] span = ProcessSpans.start(message);
    Throwable thrown = null;
    try {
      delegate.onMessage(message);
    } catch (RuntimeException | Error e) {
      thrown = e;
      throw e;
    } finally {
      ProcessSpans.end(span, thrown);
    }
  }
}
