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

  /** The host the client addressed (Host / :authority). */
  String serverAddress(REQUEST request);

  Integer serverPort(REQUEST request);

  /** The client's address as seen by the server (the peer, or a forwarded-for value the library resolved). */
  String clientAddress(REQUEST request);

  /** All values of a request header (lower-case name); empty or null when absent. */
  List<String> requestHeader(REQUEST request, String name);

  /** The final status, or null when none is known (e.g. failed before a response). */
  Integer statusCode(REQUEST request, RESPONSE response, Throwable error);

  List<String> responseHeader(REQUEST request, RESPONSE response, String name);
}
