package dev.vireo.instrumentation.api.semconv.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The propagation headers the HTTP client family's setter wants on one request, kept aside so that
 * a module writes them onto the request that really goes on the wire (the library's own copy),
 * never onto the application's request object.
 */
public final class PropagationHeaders {

  private Map<String, String> headers;

  /** Called from the module's {@code TextMapSetter}; a later value of the same name replaces the earlier. */
  public void set(String name, String value) {
    if (headers == null) {
      headers = new LinkedHashMap<>(4);
    }
    headers.put(name, value);
  }

  /** Hands each header, in the order set, to the library's "set header" (which replaces values of the same name). */
  public void writeTo(BiConsumer<String, String> setHeader) {
    if (headers != null) {
      for (Map.Entry<String, String> header : headers.entrySet()) {
        setHeader.accept(header.getKey(), header.getValue());
      }
    }
  }
}
