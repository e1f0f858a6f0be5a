package dev.vireo.instrumentation.logback;

import dev.vireo.instrumentation.api.semconv.logs.LoggingContextKeys;
import io.opentelemetry.api.trace.SpanContext;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An empty MDC plus the current span's three ids, read-only: what the usual event (nothing in the MDC) hands out.
 * Three fields instead of a hash map copy of them on every logging call. It iterates in the order a hash map of
 * the three keys does, so a {@code %X} pattern prints what the copy printed, and is serialized as that copy (a
 * socket appender's receiver has no class of ours).
 */
final class SpanIdsMap extends AbstractMap<String, String> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The keys in a hash map's order; null when two of the configured names are the same. */
  private static final String[] KEYS = hashOrder();

  private final String[] values;

  private SpanIdsMap(String[] values) {
    this.values = values;
  }

  /** The ids as a map, or null when the configured key names do not allow it (the caller copies instead). */
  static Map<String, String> of(SpanContext span) {
    String[] keys = KEYS;
    if (keys == null) {
      return null;
    }
    String[] values = new String[3];
    for (int i = 0; i < 3; i++) {
      values[i] = valueFor(keys[i], span);
    }
    return new SpanIdsMap(values);
  }

  private static String valueFor(String key, SpanContext span) {
    if (key.equals(LoggingContextKeys.TRACE_ID)) {
      return span.getTraceId();
    }
    return key.equals(LoggingContextKeys.SPAN_ID) ? span.getSpanId() : span.getTraceFlags().asHex();
  }

  private static String[] hashOrder() {
    Map<String, String> probe = new HashMap<>();
    probe.put(LoggingContextKeys.TRACE_ID, "");
    probe.put(LoggingContextKeys.SPAN_ID, "");
    probe.put(LoggingContextKeys.TRACE_FLAGS, "");
    return probe.size() == 3 ? probe.keySet().toArray(new String[3]) : null;
  }

  @Override
  public String get(Object key) {
    for (int i = 0; i < 3; i++) {
      if (KEYS[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    for (int i = 0; i < 3; i++) {
      if (KEYS[i].equals(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int size() {
    return 3;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<Entry<String, String>>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<Entry<String, String>>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < 3;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= 3) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(KEYS[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return 3;
      }
    };
  }

  /** Written as the read-only hash map it stands for. */
  private Object writeReplace() {
    return Collections.unmodifiableMap(new HashMap<>(this));
  }
}
