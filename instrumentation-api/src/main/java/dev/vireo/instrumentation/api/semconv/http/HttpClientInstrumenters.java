package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.SpanFamily;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.propagation.TextMapSetter;

/** Builds the Instrumenter of an HTTP client library: the HTTP client conventions in one place. */
public final class HttpClientInstrumenters {

  private HttpClientInstrumenters() {}

  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> create(
      String instrumentationName,
      HttpClientAttributesGetter<REQUEST, RESPONSE> getter,
      TextMapSetter<REQUEST> setter) {
    return Instrumenter.<REQUEST, RESPONSE>builder(
            instrumentationName, new HttpClientSpanNames<REQUEST>())
        .addAttributesExtractor(new HttpClientAttributes<>(getter))
        .setSpanStatusExtractor(
            (request, response, error) -> {
              // Client side: 4xx and 5xx are errors, as are failures without a response.
              Integer status = getter.statusCode(request, response, error);
              if (status != null && status >= 400) {
                return StatusCode.ERROR;
              }
              return error != null ? StatusCode.ERROR : StatusCode.UNSET;
            })
        .setExceptionTextRedactor((request, text) -> UrlRedaction.redactUrlsIn(text))
        .addOperationListener(HttpDurationMetric.client())
        .setSpanFamily(SpanFamily.HTTP_CLIENT)
        .setEnabled(InstrumentationConfig.get().getBoolean("otel.instrumentation.http.client.enabled", true))
        .buildInjecting(SpanKind.CLIENT, setter);
  }
}
