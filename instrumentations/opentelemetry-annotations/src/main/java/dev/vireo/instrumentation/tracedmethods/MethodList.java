package dev.vireo.instrumentation.tracedmethods;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A list of methods in the OpenTelemetry agent's format, {@code com.example.Cls[m1,m2];com.example.Other[run]}
 * ({@code otel.instrumentation.methods.include}, {@code ...exclude-methods}): class name to method names.
 * Malformed entries are left out.
 */
public final class MethodList {

  private MethodList() {}

  public static Map<String, Set<String>> parse(String value) {
    if (value == null || value.trim().isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, Set<String>> methods = new LinkedHashMap<>();
    for (String entry : value.split(";")) {
      String trimmed = entry.trim();
      int open = trimmed.indexOf('[');
      int close = trimmed.lastIndexOf(']');
      if (open <= 0 || close < open) {
        continue;
      }
      String className = trimmed.substring(0, open).trim();
      Set<String> names = methods.computeIfAbsent(className, c -> new LinkedHashSet<>());
      for (String method : trimmed.substring(open + 1, close).split(",")) {
        if (!method.trim().isEmpty()) {
          names.add(method.trim());
        }
      }
    }
    return methods;
  }
}
