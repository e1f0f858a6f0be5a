package dev.vireo.instrumentation.api.semconv.http;

import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.ERROR_TYPE;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PROTOCOL_VERSION;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_PORT;

import dev.vireo.instrumentation.api.AttributesExtractor;
import dev.vireo.instrumentation.api.semconv.common.ErrorTypes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import java.util.List;

/** The HTTP client span attributes, written once for every HTTP client library. */
final class HttpClientAttributes<REQUEST, RESPONSE> implements AttributesExtractor<REQUEST, RESPONSE> {

  private final HttpClientAttributesGetter<REQUEST, RESPONSE> getter;
  private final CapturedHeaders requestHeaders = CapturedHeaders.requestHeaders("client");
  private final CapturedHeaders responseHeaders = CapturedHeaders.responseHeaders("client");

  HttpClientAttributes(HttpClientAttributesGetter<REQUEST, RESPONSE> getter) {
    this.getter = getter;
  }

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, REQUEST request) {
    HttpMethods.put(attributes, getter.method(request));
    String url = getter.url(request);
    if (url != null) {
      attributes.put(HttpAttributes.URL_FULL, UrlRedaction.redactUrl(url));
    }
    String address = getter.serverAddress(request);
    if (address != null) {
      attributes.put(SERVER_ADDRESS, address);
    }
    Integer port = getter.serverPort(request);
    if (port != null && port > 0) {
      attributes.put(SERVER_PORT, (long) port);
    }
    int resends = getter.resendCount(request);
    if (resends > 0) {
      attributes.put(HttpAttributes.HTTP_REQUEST_RESEND_COUNT, (long) resends);
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
    String protocolVersion = getter.protocolVersion(request, response);
    if (protocolVersion != null) {
      attributes.put(NETWORK_PROTOCOL_VERSION, protocolVersion);
    }
    if (status != null && status >= 400) {
      attributes.put(ERROR_TYPE, String.valueOf(status));
    } else if (error != null) {
      attributes.put(ERROR_TYPE, ErrorTypes.of(error));
    }
    if (response != null && !responseHeaders.isEmpty()) {
      responseHeaders.capture(attributes, name -> getter.responseHeader(request, response, name));
    }
  }
}
