package dev.vireo.instrumentation.api.semconv.http;

import java.util.List;

/**
 * What an HTTP server instrumentation tells the shared HTTP server conventions about its library's
 * request and response types. Return null for what is unknown.
 */
public interface HttpServerAttributesGetter<REQUEST, RESPONSE> {

  /** As received, e.g. {@code GET}; normalised by the conventions. */
  String method(REQUEST request);

  /** {@code http} or {@code https}. */
  String scheme(REQUEST request);

  /** The path as received (not decoded), without the query. */
  String path(REQUEST request);

  /** The raw query without '?', or null; redacted by the conventions. */
  String query(REQUEST request);

  /**
   * The route template when already known at the start (e.g. a servlet mapping {@code /api/items/*}),
   * never the raw path; null otherwise. Later instrumentations set it with {@link HttpServerRoute#update}.
   */
  String route(REQUEST request);

  /** e.g. {@code 1.1}, {@code 2}; see {@link HttpProtocolVersion#of(String)}. */
  String protocolVersion(REQUEST request);

  /**
   * The host the client addressed, as the library knows it, for a request without a {@code Host} header (nor a
   * proxy's {@code Forwarded} or {@code X-Forwarded-Host}): the conventions read those headers themselves.
   */
  String serverAddress(REQUEST request);

  /** The port the client addressed, for a request without a {@code Host} header; see {@link #serverAddress}. */
  Integer serverPort(REQUEST request);

  /**
   * The address of the connection's other end ({@code network.peer.address}): the client, or the last proxy. The
   * conventions take {@code client.address} from the proxies' headers when there are any, from this otherwise.
   */
  String peerAddress(REQUEST request);

  /** The port of the connection's other end ({@code network.peer.port}), or null. */
  Integer peerPort(REQUEST request);

  /** All values of a request header (lower-case name); empty or null when absent. */
  List<String> requestHeader(REQUEST request, String name);

  /**
   * The first value of a request header (lower-case name), or null. Read for a few headers on every request, most
   * of them absent: a library that can answer without building a list should.
   */
  default String requestHeaderValue(REQUEST request, String name) {
    List<String> values = requestHeader(request, name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The final status, or null when none is known (e.g. failed before a response). */
  Integer statusCode(REQUEST request, RESPONSE response, Throwable error);

  List<String> responseHeader(REQUEST request, RESPONSE response, String name);
}
