package dev.vireo.instrumentation.jms.javax;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingInstrumenters;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingLinks;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.jms.Message;

/**
 * The CLIENT span of a receive that returned a message (an empty poll makes none): it covers the
 * call, its parent is the caller's context and it links to the message's producer. Only the
 * outermost receive on a thread counts (a provider's receive() may call its receive(timeout)).
 */
final class ReceiveSpans {

  static final Instrumenter<JmsMessage, Void> INSTRUMENTER =
      MessagingInstrumenters.receive(
          JmsInstrumentationName.NAME,
          JmsAttributesGetter.RECEIVE,
          new MessagingLinks<JmsMessage, JmsMessage>(MessageProperties::one, MessageProperties.INSTANCE));

  private static final ThreadLocal<int[]> DEPTH =
      new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
          return new int[1];
        }
      };

  private ReceiveSpans() {}

  static long receiveStarted() {
    DEPTH.get()[0]++;
    Instant now = Instant.now();
    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
  }

  static void receiveEnded(long startEpochNanos, Message message, Throwable thrown) {
    int[] depth = DEPTH.get();
    if (--depth[0] > 0 || thrown != null || message == null) {
      return;
    }
    Context parent = Context.current();
    JmsMessage request = JmsMessage.of(message, null);
    if (!INSTRUMENTER.shouldStart(parent, request)) {
      return;
    }
    INSTRUMENTER.end(INSTRUMENTER.start(parent, request, startEpochNanos), request, null, null);
  }
}
