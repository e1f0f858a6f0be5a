package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Headers the user asked to record ({@code otel.instrumentation.http.<side>.capture-*-headers}),
 * with their attribute keys built once: {@code http.request.header.<lowercase name>}.
 */
public final class CapturedHeaders {

  public final List<String> names;
  public final List<AttributeKey<List<String>>> keys;

  private CapturedHeaders(List<String> names, String prefix) {
    List<String> lower = new ArrayList<>();
    List<AttributeKey<List<String>>> attributeKeys = new ArrayList<>();
    for (String name : names) {
      String normalized = name.toLowerCase(Locale.ROOT);
      lower.add(normalized);
      attributeKeys.add(AttributeKey.stringArrayKey(prefix + normalized));
    }
    this.names = Collections.unmodifiableList(lower);
    this.keys = Collections.unmodifiableList(attributeKeys);
  }

  public static CapturedHeaders requestHeaders(String side) {
    return new CapturedHeaders(
        InstrumentationConfig.get().getList("otel.instrumentation.http." + side + ".capture-request-headers"),
        "http.request.header.");
  }

  public static CapturedHeaders responseHeaders(String side) {
    return new CapturedHeaders(
        InstrumentationConfig.get().getList("otel.instrumentation.http." + side + ".capture-response-headers"),
        "http.response.header.");
  }

  public boolean isEmpty() {
    return names.isEmpty();
  }

  /** Records every configured header that has values; {@code values} answers one lower-case name. */
  void capture(AttributesBuilder attributes, Function<String, List<String>> values) {
    for (int i = 0; i < names.size(); i++) {
      List<String> found = values.apply(names.get(i));
      if (found != null && !found.isEmpty()) {
        attributes.put(keys.get(i), found);
      }
    }
  }
}
