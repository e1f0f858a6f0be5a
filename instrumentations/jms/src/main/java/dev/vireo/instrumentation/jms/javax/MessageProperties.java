package dev.vireo.instrumentation.jms.javax;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import javax.jms.JMSException;

/**
 * The propagation fields as message properties. A JMS property name must be a Java identifier, so
 * {@code -} is written as {@code __dash__}, as the OpenTelemetry agent does (the two read each
 * other's messages).
 */
enum MessageProperties implements TextMapGetter<JmsMessage>, TextMapSetter<JmsMessage> {
  INSTANCE;

  static final String DASH = "__dash__";

  private static volatile boolean readOnlyLogged;

  @Override
  public void set(JmsMessage carrier, String key, String value) {
    if (carrier == null) {
      return;
    }
    try {
      carrier.message.setStringProperty(key.replace("-", DASH), value);
    } catch (JMSException | RuntimeException e) {
      // a received message sent on: its properties are read-only (MessageNotWriteableException)
      if (!readOnlyLogged) {
        readOnlyLogged = true;
        AgentLog.debug("jms: message properties not writable, trace context not propagated: {}", e.toString());
      }
    }
  }

  @Override
  public Iterable<String> keys(JmsMessage carrier) {
    if (carrier == null) {
      return Collections.emptyList();
    }
    try {
      Enumeration<?> names = carrier.message.getPropertyNames();
      List<String> keys = new ArrayList<>();
      while (names != null && names.hasMoreElements()) {
        keys.add(String.valueOf(names.nextElement()).replace(DASH, "-"));
      }
      return keys;
    } catch (JMSException | RuntimeException e) {
      return Collections.emptyList();
    }
  }

  @Override
  public String get(JmsMessage carrier, String key) {
    if (carrier == null || key == null) {
      return null;
    }
    try {
      Object value = carrier.message.getObjectProperty(key.replace("-", DASH));
      return value instanceof String ? (String) value : null;
    } catch (JMSException | RuntimeException e) {
      return null;
    }
  }

  static Iterable<JmsMessage> one(JmsMessage message) {
    return Collections.singletonList(message);
  }
}
