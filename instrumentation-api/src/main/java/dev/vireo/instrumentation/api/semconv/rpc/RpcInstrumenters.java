package dev.vireo.instrumentation.api.semconv.rpc;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.InstrumenterBuilder;
import dev.vireo.instrumentation.api.SpanFamily;
import dev.vireo.instrumentation.api.SpanNameExtractor;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * Builds the Instrumenters of an RPC library: span name {@code {rpc.service}/{rpc.method}}, kind,
 * attributes, status rules, propagation, metrics and nested suppression of the RPC conventions, in
 * one place for clients and servers.
 */
public final class RpcInstrumenters {

  private RpcInstrumenters() {}

  /** CLIENT spans; the context is injected into the request's carrier when the span starts. */
  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> client(
      String instrumentationName,
      RpcAttributesGetter<REQUEST, RESPONSE> getter,
      TextMapSetter<REQUEST> setter) {
    return builder(instrumentationName, getter, true)
        .addOperationListener(RpcMetrics.client())
        .setSpanFamily(SpanFamily.RPC_CLIENT)
        .buildInjecting(SpanKind.CLIENT, setter);
  }

  /** SERVER spans; the parent is extracted from the request's carrier. */
  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> server(
      String instrumentationName,
      RpcAttributesGetter<REQUEST, RESPONSE> getter,
      TextMapGetter<REQUEST> carrierGetter) {
    return builder(instrumentationName, getter, false)
        .addOperationListener(RpcMetrics.server())
        .setSpanFamily(SpanFamily.RPC_SERVER)
        .buildExtracting(SpanKind.SERVER, carrierGetter);
  }

  private static <REQUEST, RESPONSE> InstrumenterBuilder<REQUEST, RESPONSE> builder(
      String instrumentationName, RpcAttributesGetter<REQUEST, RESPONSE> getter, boolean client) {
    return Instrumenter.<REQUEST, RESPONSE>builder(instrumentationName, spanName(getter))
        .addAttributesExtractor(new RpcSpanAttributes<>(getter, client))
        .setSpanStatusExtractor(
            (request, response, error) ->
                RpcOutcome.failed(
                        client, getter.system(request), getter.statusCode(request, response, error), error)
                    ? StatusCode.ERROR
                    : StatusCode.UNSET);
  }

  /** {@code demo.Inventory/Reserve}; the method alone without a service, the system without either. */
  static <REQUEST> SpanNameExtractor<REQUEST> spanName(RpcAttributesGetter<REQUEST, ?> getter) {
    return request -> {
      String service = getter.service(request);
      String method = getter.method(request);
      if (service != null && method != null) {
        return service + '/' + method;
      }
      if (method != null) {
        return method;
      }
      String system = getter.system(request);
      return system != null ? system : "RPC";
    };
  }
}
