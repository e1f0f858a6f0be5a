package dev.vireo.instrumentation.api.semconv.http;

import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.ERROR_TYPE;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PROTOCOL_VERSION;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_PORT;

import dev.vireo.instrumentation.api.semconv.common.DurationMetric;
import io.opentelemetry.api.common.AttributeKey;
import java.util.Arrays;
import java.util.List;

/**
 * {@code http.client.request.duration} / {@code http.server.request.duration}: seconds histograms
 * with the attributes the HTTP conventions allow on metrics (never URLs or ids).
 */
public final class HttpDurationMetric extends DurationMetric {

  static final List<Double> BUCKETS =
      Arrays.asList(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  private HttpDurationMetric(String name, String description, List<AttributeKey<?>> allowed) {
    super("dev.vireo.http", name, description, allowed, BUCKETS);
  }

  public static HttpDurationMetric client() {
    return new HttpDurationMetric(
        "http.client.request.duration",
        "Duration of HTTP client requests.",
        Arrays.<AttributeKey<?>>asList(
            HttpAttributes.HTTP_REQUEST_METHOD,
            HttpAttributes.HTTP_RESPONSE_STATUS_CODE,
            ERROR_TYPE,
            SERVER_ADDRESS,
            SERVER_PORT,
            NETWORK_PROTOCOL_VERSION));
  }

  public static HttpDurationMetric server() {
    return new HttpDurationMetric(
        "http.server.request.duration",
        "Duration of HTTP server requests.",
        Arrays.<AttributeKey<?>>asList(
            HttpAttributes.HTTP_REQUEST_METHOD,
            HttpAttributes.HTTP_RESPONSE_STATUS_CODE,
            HttpAttributes.HTTP_ROUTE,
            HttpAttributes.URL_SCHEME,
            ERROR_TYPE,
            NETWORK_PROTOCOL_VERSION));
  }
}
