package dev.vireo.instrumentation.api.semconv.http;

import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.CLIENT_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.ERROR_TYPE;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PEER_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PEER_PORT;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PROTOCOL_VERSION;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_PORT;

import dev.vireo.instrumentation.api.AttributesExtractor;
import dev.vireo.instrumentation.api.semconv.common.Authority;
import dev.vireo.instrumentation.api.semconv.common.ErrorTypes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

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
    String forwarded = getter.requestHeaderValue(request, "forwarded");
    putIfPresent(attributes, HttpAttributes.URL_SCHEME, scheme(request, forwarded));
    String path = getter.path(request);
    putIfPresent(attributes, HttpAttributes.URL_PATH, path == null ? null : UrlRedaction.redactPath(path));
    String query = getter.query(request);
    if (query != null && !query.isEmpty()) {
      attributes.put(HttpAttributes.URL_QUERY, UrlRedaction.redactQuery(query));
    }
    putIfPresent(attributes, NETWORK_PROTOCOL_VERSION, getter.protocolVersion(request));
    String authority = authority(request, forwarded);
    if (authority != null) {
      putIfPresent(attributes, SERVER_ADDRESS, Authority.host(authority));
      putPort(attributes, SERVER_PORT, Authority.port(authority));
    } else {
      putIfPresent(attributes, SERVER_ADDRESS, getter.serverAddress(request));
      putPort(attributes, SERVER_PORT, orNone(getter.serverPort(request)));
    }
    String peerAddress = getter.peerAddress(request);
    String client = clientAddress(request, forwarded);
    putIfPresent(attributes, CLIENT_ADDRESS, client != null ? client : peerAddress);
    if (peerAddress != null && !peerAddress.isEmpty()) {
      attributes.put(NETWORK_PEER_ADDRESS, peerAddress);
      putPort(attributes, NETWORK_PEER_PORT, orNone(getter.peerPort(request)));
    }
    putIfPresent(attributes, HttpAttributes.USER_AGENT_ORIGINAL, getter.requestHeaderValue(request, "user-agent"));
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

  /** The scheme the client used: a proxy's {@code Forwarded: proto=} or {@code X-Forwarded-Proto}, else the server's. */
  private String scheme(REQUEST request, String forwarded) {
    String proto = forwarded == null ? null : ForwardedHeaders.parameter(forwarded, "proto");
    if (proto == null) {
      String forwardedProto = getter.requestHeaderValue(request, "x-forwarded-proto");
      proto = forwardedProto == null ? null : ForwardedHeaders.firstEntry(forwardedProto);
    }
    return proto != null ? proto : getter.scheme(request);
  }

  /** The host and port the client addressed: {@code Forwarded: host=}, {@code X-Forwarded-Host}, then {@code Host}. */
  private String authority(REQUEST request, String forwarded) {
    String host = forwarded == null ? null : ForwardedHeaders.parameter(forwarded, "host");
    if (host == null) {
      String forwardedHost = getter.requestHeaderValue(request, "x-forwarded-host");
      host = forwardedHost == null ? null : ForwardedHeaders.firstEntry(forwardedHost);
    }
    if (host == null) {
      host = getter.requestHeaderValue(request, "host");
    }
    return host == null || host.isEmpty() ? null : host;
  }

  /** The original client as the proxies name it ({@code Forwarded: for=}, {@code X-Forwarded-For}), or null. */
  private String clientAddress(REQUEST request, String forwarded) {
    String client = forwarded == null ? null : ForwardedHeaders.nodeAddress(ForwardedHeaders.parameter(forwarded, "for"));
    if (client == null) {
      String forwardedFor = getter.requestHeaderValue(request, "x-forwarded-for");
      client = forwardedFor == null ? null : ForwardedHeaders.forwardedFor(forwardedFor);
    }
    return client;
  }

  private static int orNone(Integer port) {
    return port == null ? -1 : port;
  }

  private static void putPort(AttributesBuilder attributes, io.opentelemetry.api.common.AttributeKey<Long> key, int port) {
    if (port > 0) {
      attributes.put(key, (long) port);
    }
  }

  private static void putIfPresent(
      AttributesBuilder attributes, io.opentelemetry.api.common.AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      attributes.put(key, value);
    }
  }
}
