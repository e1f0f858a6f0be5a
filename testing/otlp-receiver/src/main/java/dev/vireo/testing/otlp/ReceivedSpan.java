package dev.vireo.testing.otlp;

import java.util.List;
import java.util.Map;

/**
 * A received span flattened into plain Java values so tests can assert on it without protobuf.
 *
 * <p>Ids are lower-case hex; {@code parentSpanId} is the empty string for a root span. {@code kind} is the OTLP kind
 * without its prefix ({@code "INTERNAL"}, {@code "SERVER"}, {@code "CLIENT"}, {@code "PRODUCER"}, {@code "CONSUMER"},
 * {@code "UNSPECIFIED"}); {@code statusCode} likewise ({@code "UNSET"}, {@code "OK"}, {@code "ERROR"}). Attribute
 * values are {@code String}, {@code Boolean}, {@code Long}, {@code Double}, {@code byte[]}, {@code List<Object>} (arrays)
 * or {@code Map<String, Object>} (kvlists). All collections are immutable and keep the order of the wire.
 */
public record ReceivedSpan(
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    String kind,
    String statusCode,
    String statusMessage,
    Map<String, Object> attributes,
    List<ReceivedEvent> events,
    List<ReceivedLink> links,
    Map<String, Object> resourceAttributes,
    String scopeName,
    String scopeVersion,
    long startEpochNanos,
    long endEpochNanos,
    Protocol protocol) {

  /** The attribute's value, or null. */
  public Object attribute(String key) {
    return attributes.get(key);
  }

  /** The resource attribute's value, or null. */
  public Object resourceAttribute(String key) {
    return resourceAttributes.get(key);
  }

  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }

  @Override
  public String toString() {
    return "ReceivedSpan{" + kind + " '" + name + "' trace=" + traceId + " span=" + spanId + " parent=" + parentSpanId
        + " status=" + statusCode + " scope=" + scopeName + " attributes=" + attributes + "}";
  }
}
