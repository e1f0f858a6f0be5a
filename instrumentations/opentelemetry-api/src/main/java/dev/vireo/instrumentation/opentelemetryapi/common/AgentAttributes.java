package dev.vireo.instrumentation.opentelemetryapi.common;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.List;

/**
 * Attributes of the application rebuilt as the agent's: a key crosses as its name and the name of
 * its {@code AttributeType}, a value as the JDK object the API keeps (String, Boolean, Long, Double
 * or a List of those). A type the agent does not know is dropped.
 */
public final class AgentAttributes {

  private AgentAttributes() {}

  public static Object empty() {
    return Attributes.empty();
  }

  public static Object builder() {
    return Attributes.builder();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void put(Object builder, String name, String type, Object value) {
    AttributeKey key = key(name, type);
    if (key != null && value != null && fits(type, value)) {
      ((AttributesBuilder) builder).put(key, value);
    }
  }

  public static Object build(Object builder) {
    return ((AttributesBuilder) builder).build();
  }

  /** The agent's key of that name and type, or null for a type it does not know. */
  public static AttributeKey<?> key(String name, String type) {
    switch (type) {
      case "STRING":
        return AttributeKey.stringKey(name);
      case "BOOLEAN":
        return AttributeKey.booleanKey(name);
      case "LONG":
        return AttributeKey.longKey(name);
      case "DOUBLE":
        return AttributeKey.doubleKey(name);
      case "STRING_ARRAY":
        return AttributeKey.stringArrayKey(name);
      case "BOOLEAN_ARRAY":
        return AttributeKey.booleanArrayKey(name);
      case "LONG_ARRAY":
        return AttributeKey.longArrayKey(name);
      case "DOUBLE_ARRAY":
        return AttributeKey.doubleArrayKey(name);
      default:
        return null;
    }
  }

  /** Whether a value fits a key of that type (the application's API checks nothing at run time). */
  public static boolean fits(String type, Object value) {
    switch (type) {
      case "STRING":
        return value instanceof String;
      case "BOOLEAN":
        return value instanceof Boolean;
      case "LONG":
        return value instanceof Long;
      case "DOUBLE":
        return value instanceof Double;
      default:
        return value instanceof List;
    }
  }
}
