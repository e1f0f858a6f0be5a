package dev.vireo.instrumentation.jms.javax;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.messaging.MessagingInstrumenters;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import javax.jms.Message;

/**
 * The CONSUMER span of one {@code onMessage}: a child of the producer's context (read from the
 * message properties), current while the listener runs.
 */
final class ProcessSpans {

  static final Instrumenter<JmsMessage, Void> INSTRUMENTER =
      MessagingInstrumenters.process(JmsInstrumentationName.NAME, JmsAttributesGetter.PROCESS, MessageProperties.INSTANCE);

  private ProcessSpans() {}

  /** {message, context, scope}, or null when not traced. */
  static Object[] start(Message message) {
    if (message == null) {
      return null;
    }
    Context parent = Context.current();
    JmsMessage request = JmsMessage.of(message, null);
    if (!INSTRUMENTER.shouldStart(parent, request)) {
      return null;
    }
    Context context = INSTRUMENTER.start(parent, request);
    return new Object[] {request, context, context.makeCurrent()};
  }

  static void end(Object[] span, Throwable thrown) {
    if (span == null) {
      return;
    }
    ((Scope) span[2]).close();
    INSTRUMENTER.end((Context) span[1], (JmsMessage) span[0], null, thrown);
  }
}
