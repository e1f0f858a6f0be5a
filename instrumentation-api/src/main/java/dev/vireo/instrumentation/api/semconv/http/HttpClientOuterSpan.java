package dev.vireo.instrumentation.api.semconv.http;

import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PROTOCOL_VERSION;

import dev.vireo.instrumentation.api.SpanFamily;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * What an HTTP client library running under another instrumented client (Reactor Netty under Spring's {@code
 * WebClient}) sees and the outer one cannot: its own span is suppressed, so it adds the fact to the outer CLIENT span,
 * as the OpenTelemetry agent's {@code WebClient} spans carry {@code network.protocol.version}.
 */
public final class HttpClientOuterSpan {

  private HttpClientOuterSpan() {}

  /** Sets {@code network.protocol.version} on the open HTTP client span of {@code context}, if there is one. */
  public static void addProtocolVersion(Context context, String version) {
    if (version == null || version.isEmpty()) {
      return;
    }
    Span outer = SpanFamily.HTTP_CLIENT.current(context);
    if (outer != null && outer.isRecording()) {
      outer.setAttribute(NETWORK_PROTOCOL_VERSION, version);
    }
  }
}
