package dev.vireo.instrumentation.mongodbreactivestreams;

import com.mongodb.RequestContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The request context of one reactive operation: a small map (the driver may read it from several threads). */
final class CapturedRequestContext implements RequestContext {

  private final Map<Object, Object> values = new ConcurrentHashMap<>(2);

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(Object key) {
    return (T) values.get(key);
  }

  @Override
  public boolean hasKey(Object key) {
    return values.containsKey(key);
  }

  @Override
  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public void put(Object key, Object value) {
    if (value == null) {
      values.remove(key);
    } else {
      values.put(key, value);
    }
  }

  @Override
  public void delete(Object key) {
    values.remove(key);
  }

  @Override
  public int size() {
    return values.size();
  }

  @Override
  public Stream<Map.Entry<Object, Object>> stream() {
    return values.entrySet().stream();
  }
}
