package dev.vireo.tooling.install;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One class loader's most recently used class headers. A hierarchy walk asks for the same base types again and
 * again (a framework's abstract classes, {@code java.lang.*}); a header is a few strings, so far more of them fit
 * than full type descriptions ({@link TypeDescriptionCache}).
 */
final class ClassHeaders {

  static final int CAPACITY = 1024;

  private final Map<String, ClassHeader> recent =
      new LinkedHashMap<String, ClassHeader>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClassHeader> eldest) {
          return size() > CAPACITY;
        }
      };

  synchronized ClassHeader find(String name) {
    return recent.get(name);
  }

  synchronized void add(String name, ClassHeader header) {
    recent.put(name, header);
  }

  synchronized void clear() {
    recent.clear();
  }

  synchronized int size() {
    return recent.size();
  }
}
