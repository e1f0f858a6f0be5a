package dev.vireo.instrumentation.rabbitmq;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collections;

/**
 * The propagation headers of a message. Written as strings; read back with {@code toString()},
 * since the client hands received string headers over as {@code LongString}.
 */
enum MessageHeaders implements TextMapGetter<RabbitMessage>, TextMapSetter<RabbitMessage> {
  INSTANCE;

  @Override
  public Iterable<String> keys(RabbitMessage message) {
    return message == null || message.headers == null ? Collections.<String>emptyList() : message.headers.keySet();
  }

  @Override
  public String get(RabbitMessage message, String key) {
    if (message == null || message.headers == null) {
      return null;
    }
    Object value = message.headers.get(key);
    return value == null ? null : value.toString();
  }

  @Override
  public void set(RabbitMessage message, String key, String value) {
    if (message != null && message.headers != null) {
      message.headers.put(key, value);
    }
  }

  static Iterable<RabbitMessage> one(RabbitMessage message) {
    return Collections.singletonList(message);
  }
}
