package dev.vireo.instrumentation.api.semconv.db;

import java.util.Collection;

/**
 * What a database client instrumentation knows about one operation: raw facts only. The database
 * client conventions derive the rest in one place: {@code db.query.text} (sanitized unless the query
 * is parameterized), {@code db.query.summary}, the older keys, batch naming, and the analysis and its
 * caching. Return null for what is unknown.
 */
public interface DbClientAttributesGetter<REQUEST, RESPONSE> {

  /** {@code db.system.name}, e.g. {@code postgresql}; the older {@code db.system} is derived from it. */
  String dbSystemName(REQUEST request);

  /** {@code db.namespace} (and the older {@code db.name}). */
  String dbNamespace(REQUEST request);

  /**
   * The query text as the application gave it, unsanitized: one text for a statement (also a
   * prepared statement executed as a batch), several for a batch of different statements; empty or
   * null when unknown.
   */
  Collection<String> rawQueryTexts(REQUEST request);

  /**
   * True when the values travel apart from the text (a prepared statement): the text then carries no
   * literals to hide and is kept as written, as the conventions ask.
   */
  boolean isParameterizedQuery(REQUEST request);

  /**
   * {@code db.operation.batch.size}; null when the operation is not a batch (a batch of one is not).
   * A batch's summary and operation are named by the conventions' batch rule.
   */
  Long batchSize(REQUEST request);

  String serverAddress(REQUEST request);

  /** {@code server.port}; null or non-positive when unknown. */
  Integer serverPort(REQUEST request);

  /**
   * Whether {@code server.port} is written even when it is the system's usual one. The conventions say no, and so do
   * the OpenTelemetry agent's database instrumentations, but for one: its Lettuce spans keep Redis's 6379 (in the span
   * name too, {@code GET 127.0.0.1:6379}), which a drop-in keeps.
   */
  default boolean writesUsualPort() {
    return false;
  }

  /**
   * {@code network.peer.address}: the IP address the operation was sent to, asked for when it ended
   * (a client connects at its first operation); null when unknown.
   */
  default String networkPeerAddress(REQUEST request, RESPONSE response) {
    return null;
  }

  /** {@code network.peer.port}, written with {@link #networkPeerAddress}; null or non-positive when unknown. */
  default Integer networkPeerPort(REQUEST request, RESPONSE response) {
    return null;
  }

  /**
   * {@code db.response.status_code} of a failed operation (e.g. a SQLSTATE or the vendor's error
   * number, as the system's conventions say), or null. Also used as {@code error.type}.
   */
  String responseStatusCode(REQUEST request, RESPONSE response, Throwable error);
}
