package dev.vireo.instrumentation.api.semconv.rpc;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * A call's tally of its messages' sizes in each direction, kept in the call's context while the RPC metrics record
 * ({@link RpcMetrics}): the instrumentation adds each message it can size, uncompressed, in bytes. gRPC never calls
 * one direction of a call concurrently: each direction has one writer at a time; the call's end reads both.
 */
public final class RpcMessageSizes {

  static final ContextKey<RpcMessageSizes> KEY = ContextKey.named("vireo-rpc-message-sizes");

  /** What the metrics need of the call's start. */
  final Attributes startAttributes;
  final long startNanos;
  private volatile long requestBytes = -1;
  private volatile long responseBytes = -1;

  RpcMessageSizes(Attributes startAttributes, long startNanos) {
    this.startAttributes = startAttributes;
    this.startNanos = startNanos;
  }

  /** The call's tally; null when the metrics do not record (no metrics exporter) or the call has no span. */
  public static RpcMessageSizes of(Context context) {
    return context.get(KEY);
  }

  /** A request message of {@code bytes}, sent by a client or received by a server; negative: unknown, ignored. */
  public void request(long bytes) {
    if (bytes >= 0) {
      requestBytes = Math.max(requestBytes, 0) + bytes;
    }
  }

  /** A response message of {@code bytes}, received by a client or sent by a server; negative: unknown, ignored. */
  public void response(long bytes) {
    if (bytes >= 0) {
      responseBytes = Math.max(responseBytes, 0) + bytes;
    }
  }

  /** The sum of the request messages' sizes; -1 when none was sized. */
  long requestBytes() {
    return requestBytes;
  }

  long responseBytes() {
    return responseBytes;
  }
}
