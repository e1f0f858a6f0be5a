package dev.vireo.instrumentation.api.semconv.messaging;

import dev.vireo.instrumentation.api.SpanNameExtractor;
import io.opentelemetry.api.common.Attributes;

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
    String operation = getter.operationName(request);
    String destination =
        getter.temporaryDestination(request)
            ? MessagingAttributes.TEMPORARY_DESTINATION_NAME
            : getter.destination(request);
    return name(operation != null ? operation : type.value, destination);
  }

  /**
   * The start attributes ({@link MessagingSpanAttributes}) already hold the operation name and the
   * destination as the name wants them ({@code (temporary)} included): read once, not asked again.
   */
  @Override
  public String extract(REQUEST request, Attributes startAttributes) {
    String operation = startAttributes.get(MessagingAttributes.OPERATION_NAME);
    if (operation == null) {
      return extract(request); // not started with the family's attributes
    }
    return name(operation, startAttributes.get(MessagingAttributes.DESTINATION_NAME));
  }

  private String name(String operation, String destination) {
    if (oldNames) {
      return destination == null ? type.oldValue : destination + " " + type.oldValue;
    }
    return destination == null ? operation : operation + " " + destination;
  }
}
