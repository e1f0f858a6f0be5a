package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;

/**
 * The optional {@code traceresponse} response header (W3C Trace Context Level 2 draft), naming the
 * SERVER span so a caller can find the trace. Off unless {@code
 * otel.instrumentation.http.server.traceresponse.enabled=true}: by default responses carry nothing new.
 */
public final class TraceResponseHeader {

  public static final String NAME = "traceresponse";

  private static final boolean ENABLED =
      InstrumentationConfig.get().getBoolean("otel.instrumentation.http.server.traceresponse.enabled", false);

  private TraceResponseHeader() {}

  public static boolean enabled() {
    return ENABLED;
  }

  /** {@code 00-<trace id>-<span id>-<flags>} of the span in {@code context}, or null when it has none. */
  public static String value(Context context) {
    SpanContext span = Span.fromContext(context).getSpanContext();
    if (!span.isValid()) {
      return null;
    }
    return "00-" + span.getTraceId() + '-' + span.getSpanId() + '-' + span.getTraceFlags().asHex();
  }
}
