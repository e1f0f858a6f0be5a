package dev.vireo.instrumentation.api.semconv.messaging;

import dev.vireo.instrumentation.api.AttributesExtractor;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.InstrumenterBuilder;
import dev.vireo.instrumentation.api.SpanLinksExtractor;
import dev.vireo.instrumentation.api.semconv.common.SemconvStability;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * Builds the Instrumenters of a messaging library: the messaging conventions (span names, kinds,
 * attributes, old keys under {@code messaging/dup}, propagation, nesting) in one place. Attributes
 * of one messaging system only (e.g. {@code messaging.kafka.*}) come from the {@code
 * systemExtractors} its module passes.
 */
public final class MessagingInstrumenters {

  private MessagingInstrumenters() {}

  /** PRODUCER span per sent message; the context is injected into the message with {@code setter}. */
  @SafeVarargs
  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> producer(
      String instrumentationName,
      MessagingAttributesGetter<REQUEST, RESPONSE> getter,
      TextMapSetter<REQUEST> setter,
      AttributesExtractor<? super REQUEST, ? super RESPONSE>... systemExtractors) {
    return builder(instrumentationName, getter, MessagingOperationType.SEND, systemExtractors)
        .buildInjecting(MessagingOperationType.SEND.spanKind, setter);
  }

  /**
   * CLIENT span per received batch (its parent is the current context), linked to each message's
   * producer by {@code links} (see {@link MessagingLinks}); may be null.
   */
  @SafeVarargs
  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> receive(
      String instrumentationName,
      MessagingAttributesGetter<REQUEST, RESPONSE> getter,
      SpanLinksExtractor<? super REQUEST> links,
      AttributesExtractor<? super REQUEST, ? super RESPONSE>... systemExtractors) {
    InstrumenterBuilder<REQUEST, RESPONSE> builder =
        builder(instrumentationName, getter, MessagingOperationType.RECEIVE, systemExtractors);
    if (links != null) {
      builder.setSpanLinksExtractor(links);
    }
    return builder.build(MessagingOperationType.RECEIVE.spanKind);
  }

  /** CONSUMER span per processed message, child of the producer context {@code getter} extracts from it. */
  @SafeVarargs
  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> process(
      String instrumentationName,
      MessagingAttributesGetter<REQUEST, RESPONSE> getter,
      TextMapGetter<REQUEST> propagationGetter,
      AttributesExtractor<? super REQUEST, ? super RESPONSE>... systemExtractors) {
    return builder(instrumentationName, getter, MessagingOperationType.PROCESS, systemExtractors)
        .buildExtracting(MessagingOperationType.PROCESS.spanKind, propagationGetter);
  }

  /**
   * CONSUMER span per batch of messages a listener processes at once: its parent is the current
   * context; the instrumentation adds a link to each message's producer context.
   */
  @SafeVarargs
  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> processBatch(
      String instrumentationName,
      MessagingAttributesGetter<REQUEST, RESPONSE> getter,
      AttributesExtractor<? super REQUEST, ? super RESPONSE>... systemExtractors) {
    return builder(instrumentationName, getter, MessagingOperationType.PROCESS, systemExtractors)
        .build(MessagingOperationType.PROCESS.spanKind);
  }

  private static <REQUEST, RESPONSE> InstrumenterBuilder<REQUEST, RESPONSE> builder(
      String instrumentationName,
      MessagingAttributesGetter<REQUEST, RESPONSE> getter,
      MessagingOperationType type,
      AttributesExtractor<? super REQUEST, ? super RESPONSE>[] systemExtractors) {
    boolean emitOld = SemconvStability.emitOldMessaging();
    InstrumenterBuilder<REQUEST, RESPONSE> builder =
        Instrumenter.<REQUEST, RESPONSE>builder(instrumentationName, new MessagingSpanNames<>(getter, type, emitOld))
            .addAttributesExtractor(new MessagingSpanAttributes<>(getter, type, emitOld))
            .setSpanFamily(type.family);
    for (AttributesExtractor<? super REQUEST, ? super RESPONSE> extractor : systemExtractors) {
      builder.addAttributesExtractor(extractor);
    }
    return builder;
  }
}
