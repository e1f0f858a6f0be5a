package dev.vireo.instrumentation.rabbitmq;

import com.rabbitmq.client.GetResponse;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingInstrumenters;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingLinks;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The CLIENT span of a {@code basicGet} that returned a message (an empty queue makes none): it
 * covers the call, its parent is the caller's context and it links to the message's publisher.
 */
final class ReceiveSpans {

  static final Instrumenter<RabbitMessage, Void> INSTRUMENTER =
      MessagingInstrumenters.receive(
          RabbitMqInstrumentationName.NAME,
          RabbitMqAttributesGetter.RECEIVE,
          new MessagingLinks<RabbitMessage, RabbitMessage>(MessageHeaders::one, MessageHeaders.INSTANCE),
          RabbitMqAttributesExtractor.INSTANCE);

  private ReceiveSpans() {}

  static long now() {
    Instant now = Instant.now();
    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
  }

  static void received(String queue, long startEpochNanos, GetResponse response, Throwable thrown) {
    if (thrown != null || response == null) {
      return;
    }
    Context parent = Context.current();
    RabbitMessage message = ProcessSpans.message(queue, response.getEnvelope(), response.getProps(), response.getBody());
    if (!INSTRUMENTER.shouldStart(parent, message)) {
      return;
    }
    Context context = INSTRUMENTER.start(parent, message, startEpochNanos);
    INSTRUMENTER.end(context, message, null, null);
  }
}
