package dev.vireo.instrumentation.api.semconv.http;

import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.CLIENT_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.ERROR_TYPE;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PROTOCOL_VERSION;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_PORT;

import dev.vireo.instrumentation.api.AttributesExtractor;
import dev.vireo.instrumentation.api.semconv.common.ErrorTypes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.List;

/** The HTTP server span attributes, written once for every HTTP server library. */
final class HttpServerAttributes<REQUEST, RESPONSE> implements AttributesExtractor<REQUEST, RESPONSE> {

  private final HttpServerAttributesGetter<REQUEST, RESPONSE> getter;
  private final CapturedHeaders requestHeaders = CapturedHeaders.requestHeaders("server");
  private final CapturedHeaders responseHeaders = CapturedHeaders.responseHeaders("server");

  HttpServerAttributes(HttpServerAttributesGetter<REQUEST, RESPONSE> getter) {
    this.getter = getter;
  }

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, REQUEST request) {
    HttpMethods.put(attributes, getter.method(request));
    putIfPresent(attributes, HttpAttributes.URL_SCHEME, getter.scheme(request));
    String path = getter.path(request);
    putIfPresent(attributes, HttpAttributes.URL_PATH, path == null ? null : UrlRedaction.redactPath(path));
    String query = getter.query(request);
    if (query != null && !query.isEmpty()) {
      attributes.put(HttpAttributes.URL_QUERY, UrlRedaction.redactQuery(query));
    }
    putIfPresent(attributes, NETWORK_PROTOCOL_VERSION, getter.protocolVersion(request));
    putIfPresent(attributes, SERVER_ADDRESS, getter.serverAddress(request));
    Integer port = getter.serverPort(request);
    if (port != null && port > 0) {
      attributes.put(SERVER_PORT, (long) port);
    }
    putIfPresent(attributes, CLIENT_ADDRESS, getter.clientAddress(request));
    List<String> userAgent = getter.requestHeader(request, "user-agent");
    if (userAgent != null && !userAgent.isEmpty()) {
      attributes.put(HttpAttributes.USER_AGENT_ORIGINAL, userAgent.get(0));
    }
    if (!requestHeaders.isEmpty()) {
      requestHeaders.capture(attributes, name -> getter.requestHeader(request, name));
    }
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes, Context context, REQUEST request, RESPONSE response, Throwable error) {
    Integer status = getter.statusCode(request, response, error);
    if (status != null && status > 0) {
      attributes.put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    // The route as it ended up (the server's mapping, or what a framework set or cleared later).
    putIfPresent(attributes, HttpAttributes.HTTP_ROUTE, HttpServerRoute.get(context));
    // Server side: only 5xx are errors; a 4xx is the client's problem.
    if (error != null) {
      attributes.put(ERROR_TYPE, ErrorTypes.of(error));
    } else if (status != null && status >= 500) {
      attributes.put(ERROR_TYPE, String.valueOf(status));
      // A framework turned an exception into this 5xx: the span still shows what went wrong.
      Throwable handled = HttpServerHandledError.get(context);
      if (handled != null) {
        Span.fromContext(context).recordException(handled);
      }
    }
    if (response != null && !responseHeaders.isEmpty()) {
      responseHeaders.capture(attributes, name -> getter.responseHeader(request, response, name));
    }
  }

  private static void putIfPresent(
      AttributesBuilder attributes, io.opentelemetry.api.common.AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      attributes.put(key, value);
    }
  }
}
