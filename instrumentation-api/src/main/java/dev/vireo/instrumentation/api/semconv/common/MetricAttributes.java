package dev.vireo.instrumentation.api.semconv.common;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.List;

/**
 * The attributes an operation's metric carries: only the keys its convention allows on the metric (never query texts,
 * URLs or ids), from the span's end attributes first, then its start attributes.
 */
public final class MetricAttributes {

  private MetricAttributes() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Attributes of(List<AttributeKey<?>> allowed, Attributes endAttributes, Attributes startAttributes) {
    AttributesBuilder metricAttributes = Attributes.builder();
    for (AttributeKey key : allowed) {
      Object value = endAttributes.get(key);
      if (value == null) {
        value = startAttributes.get(key);
      }
      if (value != null) {
        metricAttributes.put(key, value);
      }
    }
    return metricAttributes.build();
  }
}
