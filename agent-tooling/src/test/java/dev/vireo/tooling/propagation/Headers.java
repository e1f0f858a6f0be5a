/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request's headers for tests: names case-insensitive, each name with all its values in arrival
 * order, like an HTTP server's header map.
 */
final class Headers {

  private final Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  /** Names exactly as set, to check what inject wrote. */
  private final Map<String, String> written = new LinkedHashMap<>();

  Headers add(String name, String value) {
    values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    return this;
  }

  Map<String, String> written() {
    return written;
  }

  /** Sees every value through getAll. */
  static final TextMapGetter<Headers> GETTER =
      new TextMapGetter<Headers>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
          return carrier.values.keySet();
        }

        @Override
        public String get(Headers carrier, String key) {
          List<String> list = carrier == null ? null : carrier.values.get(key);
          return list == null ? null : list.get(0);
        }

        @Override
        public Iterator<String> getAll(Headers carrier, String key) {
          List<String> list = carrier == null ? null : carrier.values.get(key);
          return list == null ? Collections.emptyIterator() : list.iterator();
        }
      };

  /**
   * Only implements get, and folds several values into one with commas, as some servlet
   * containers do: getAll is the interface's default.
   */
  static final TextMapGetter<Headers> FOLDING_GETTER =
      new TextMapGetter<Headers>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
          return carrier.values.keySet();
        }

        @Override
        public String get(Headers carrier, String key) {
          List<String> list = carrier == null ? null : carrier.values.get(key);
          return list == null ? null : String.join(",", list);
        }
      };

  static final TextMapSetter<Headers> SETTER =
      (carrier, key, value) -> {
        carrier.written.put(key, value);
        carrier.values.remove(key);
        carrier.add(key, value);
      };
}
