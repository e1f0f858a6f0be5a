package dev.vireo.instrumentation.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;

/**
 * The application's consumer with a CONSUMER span around each delivery it handles; every other
 * callback goes straight through.
 */
final class TracingConsumer implements Consumer {

  private final String queue;
  private final Consumer delegate;

  private TracingConsumer(String queue, Consumer delegate) {
    this.queue = queue;
    this.delegate = delegate;
  }

  static Consumer wrap(String queue, Consumer consumer) {
    if (consumer == null || consumer instanceof TracingConsumer) {
      return consumer;
    }
    return new TracingConsumer(queue, consumer);
  }

  @Override
  public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
      throws IOException {
    Object[] span = ProcessSpans.start(queue, envelope, properties, body);
    Throwable thrown = null;
    try {
      delegate.handleDelivery(consumerTag, envelope, properties, body);
    } catch (IOException | RuntimeException | Error e) {
      thrown = e;
      throw e;
    } finally {
      ProcessSpans.end(span, thrown);
    }
  }

  @Override
  public void handleConsumeOk(String consumerTag) {
    delegate.handleConsumeOk(consumerTag);
  }

  @Override
  public void handleCancelOk(String consumerTag) {
    delegate.handleCancelOk(consumerTag);
  }

  @Override
  public void handleCancel(String consumerTag) throws IOException {
    delegate.handleCancel(consumerTag);
  }

  @Override
  public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
    delegate.handleShutdownSignal(consumerTag, signal);
  }

  @Override
  public void handleRecoverOk(String consumerTag) {
    delegate.handleRecoverOk(consumerTag);
  }
}
