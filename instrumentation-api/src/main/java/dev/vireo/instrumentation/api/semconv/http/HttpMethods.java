package dev.vireo.instrumentation.api.semconv.http;

import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Known HTTP methods; anything else is {@code _OTHER} with the original kept aside. */
public final class HttpMethods {

  public static final String OTHER = "_OTHER";

  private static final Set<String> KNOWN =
      new HashSet<>(Arrays.asList("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE", "QUERY"));

  private HttpMethods() {}

  public static boolean isKnown(String method) {
    return method != null && KNOWN.contains(method);
  }

  /** The value of {@code http.request.method}. */
  public static String normalize(String method) {
    return isKnown(method) ? method : OTHER;
  }

  /** {@code http.request.method}, and {@code http.request.method_original} for an unknown method. */
  static void put(AttributesBuilder attributes, String method) {
    if (isKnown(method)) {
      attributes.put(HttpAttributes.HTTP_REQUEST_METHOD, method);
    } else if (method != null) {
      attributes.put(HttpAttributes.HTTP_REQUEST_METHOD, OTHER);
      attributes.put(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL, method);
    }
  }

  /** Span name for a method with no route: the method, or {@code HTTP} when unknown. */
  public static String spanName(String method) {
    return isKnown(method) ? method : "HTTP";
  }

  /**
   * The same from an {@code http.request.method} value, already normalised by {@link #put}: no
   * second look-up per request.
   */
  static String spanNameOfNormalized(String normalizedMethod) {
    return normalizedMethod == null || OTHER.equals(normalizedMethod) ? "HTTP" : normalizedMethod;
  }
}
