package dev.vireo.testapp;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test application saw while serving requests, keyed by what the test asks for. */
public final class Observations {

  private static final Map<String, String> VALUES = new ConcurrentHashMap<>();
  private static final List<String> CONTEXTS_BEFORE_SERVLETS = new CopyOnWriteArrayList<>();

  private Observations() {}

  public static void put(String key, String value) {
    VALUES.put(key, value == null ? "null" : value);
  }

  public static String get(String key) {
    return VALUES.get(key);
  }

  /** The span id current on this thread, or {@code none}. */
  public static String currentSpanId() {
    Span span = Span.current();
    return span.getSpanContext().isValid() ? span.getSpanContext().getSpanId() : "none";
  }

  /**
   * Called by the container-level hooks of the test modules (a Tomcat valve, a Jetty handler) on the
   * container thread before any filter or servlet runs: the context there must be empty.
   */
  public static void recordContextBeforeServlets() {
    Context current = Context.current();
    CONTEXTS_BEFORE_SERVLETS.add(
        Thread.currentThread().getName() + " " + (current == Context.root() ? "root" : "LEAKED " + current));
  }

  public static List<String> contextsBeforeServlets() {
    return new ArrayList<>(CONTEXTS_BEFORE_SERVLETS);
  }

  public static void clear() {
    VALUES.clear();
    CONTEXTS_BEFORE_SERVLETS.clear();
  }
}
