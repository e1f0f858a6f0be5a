package dev.vireo.instrumentation.api.semconv.messaging;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.InstrumenterBuilder;
import dev.vireo.instrumentation.api.SpanLinksExtractor;
import dev.vireo.instrumentation.api.semconv.common.SemconvStability;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * Builds the Instrumenters of a messaging library: the messaging conventions (span names, kinds,
 * attributes, old keys under {@code messaging/dup}, propagation, nesting) in one place.
 */
public final class MessagingInstrumenters {

  private MessagingInstrumenters() {}

  /** PRODUCER span per sent message; the context is injected into the message with {@code setter}. */
  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> producer(
      String instrumentationName, MessagingAttributesGetter<REQUEST, RESPONSE> getter, TextMapSetter<REQUEST> setter) {
    return builder(instrumentationName, getter, MessagingOperationType.SEND)
        .buildInjecting(MessagingOperationType.SEND.spanKind, setter);
  }

  /**
   * CLIENT span per received batch (its parent is the current context), linked to each message's
   * producer by {@code links} (see {@link MessagingLinks}); may be null.
   */
  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> receive(
      String instrumentationName,
      MessagingAttributesGetter<REQUEST, RESPONSE> getter,
      SpanLinksExtractor<? super REQUEST> links) {
    InstrumenterBuilder<REQUEST, RESPONSE> builder = builder(instrumentationName, getter, MessagingOperationType.RECEIVE);
    if (links != null) {
      builder.setSpanLinksExtractor(links);
    }
    return builder.build(MessagingOperationType.RECEIVE.spanKind);
  }

  /** CONSUMER span per processed message, child of the producer context {@code getter} extracts from it. */
  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> process(
      String instrumentationName,
      MessagingAttributesGetter<REQUEST, RESPONSE> getter,
      TextMapGetter<REQUEST> propagationGetter) {
    return builder(instrumentationName, getter, MessagingOperationType.PROCESS)
        .buildExtracting(MessagingOperationType.PROCESS.spanKind, propagationGetter);
  }

  /**
   * CONSUMER span per batch of messages a listener processes at once: its parent is the current
   * context; the instrumentation adds a link to each message's producer context.
   */
  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> processBatch(
      String instrumentationName, MessagingAttributesGetter<REQUEST, RESPONSE> getter) {
    return builder(instrumentationName, getter, MessagingOperationType.PROCESS)
        .build(MessagingOperationType.PROCESS.spanKind);
  }

  private static <REQUEST, RESPONSE> InstrumenterBuilder<REQUEST, RESPONSE> builder(
      String instrumentationName, MessagingAttributesGetter<REQUEST, RESPONSE> getter, MessagingOperationType type) {
    boolean emitOld = SemconvStability.emitOldMessaging();
    return Instrumenter.<REQUEST, RESPONSE>builder(
            instrumentationName, new MessagingSpanNames<>(getter, type, emitOld))
        .addAttributesExtractor(new MessagingSpanAttributes<>(getter, type, emitOld))
        .setSpanFamily(type.family);
  }
}
