package dev.vireo.instrumentation.api.semconv.messaging;

import dev.vireo.instrumentation.api.SpanNameExtractor;

/**
 * {@code {operation name} {destination}} (current conventions), or with
 * {@code messaging/dup} the names the OpenTelemetry agent uses by default,
 * {@code {destination} {publish|receive|process}}. Without a destination: the operation alone; a
 * temporary destination is {@code (temporary)}.
 */
final class MessagingSpanNames<REQUEST> implements SpanNameExtractor<REQUEST> {

  private final MessagingAttributesGetter<REQUEST, ?> getter;
  private final MessagingOperationType type;
  private final boolean oldNames;

  MessagingSpanNames(MessagingAttributesGetter<REQUEST, ?> getter, MessagingOperationType type, boolean oldNames) {
    this.getter = getter;
    this.type = type;
    this.oldNames = oldNames;
  }

  @Override
  public String extract(REQUEST request) {
    String destination =
        getter.temporaryDestination(request)
            ? MessagingAttributes.TEMPORARY_DESTINATION_NAME
            : getter.destination(request);
    if (oldNames) {
      return destination == null ? type.oldValue : destination + " " + type.oldValue;
    }
    String operation = getter.operationName(request);
    if (operation == null) {
      operation = type.value;
    }
    return destination == null ? operation : operation + " " + destination;
  }
}
