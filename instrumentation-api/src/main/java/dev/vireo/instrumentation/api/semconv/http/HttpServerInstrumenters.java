package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.SpanFamily;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Builds the Instrumenter of an HTTP server library: the HTTP server conventions in one place. The
 * span continues the caller's trace (configured propagators, reading from {@code getter}), is named
 * {@code {method} {http.route}} (or {@code {method}}), is ERROR for 5xx and escaping exceptions only,
 * records {@code http.server.request.duration}, and nested server spans of the same request (filters,
 * forwards, a framework on top of a container) are suppressed.
 *
 * <p>{@code getter} must implement {@link TextMapGetter#getAll} so that repeated headers (two
 * {@code traceparent}) are visible to the propagators, which reject them.
 */
public final class HttpServerInstrumenters {

  private HttpServerInstrumenters() {}

  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> create(
      String instrumentationName,
      HttpServerAttributesGetter<REQUEST, RESPONSE> attributesGetter,
      TextMapGetter<REQUEST> headerGetter) {
    return Instrumenter.<REQUEST, RESPONSE>builder(instrumentationName, new HttpServerSpanNames<>(attributesGetter))
        .addAttributesExtractor(new HttpServerAttributes<>(attributesGetter))
        .setSpanStatusExtractor(
            (request, response, error) -> {
              if (error != null) {
                return StatusCode.ERROR;
              }
              Integer status = attributesGetter.statusCode(request, response, null);
              return status != null && status >= 500 ? StatusCode.ERROR : StatusCode.UNSET;
            })
        .addContextCustomizer(HttpServerRoute.installer())
        .addOperationListener(HttpServerHandledError.INSTALLER)
        .addOperationListener(HttpDurationMetric.server())
        .setSpanFamily(SpanFamily.HTTP_SERVER)
        .setEnabled(InstrumentationConfig.get().getBoolean("otel.instrumentation.http.server.enabled", true))
        .buildExtracting(SpanKind.SERVER, headerGetter);
  }
}
