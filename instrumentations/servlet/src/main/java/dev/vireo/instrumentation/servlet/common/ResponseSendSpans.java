package dev.vireo.instrumentation.servlet.common;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.CurrentSpanCall;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.SpanFamily;
import dev.vireo.instrumentation.api.semconv.code.CodeFunction;
import dev.vireo.instrumentation.api.semconv.code.CodeFunctionInstrumenters;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * INTERNAL spans around {@code HttpServletResponse.sendError} and {@code sendRedirect} inside a traced request, named
 * {@code {Type}.{method}} ({@code ResponseFacade.sendError}) with {@code code.namespace}/{@code code.function}, as the
 * OpenTelemetry agent makes them. Only the outermost of nested calls gets one (a response wrapper delegating to the
 * container's response, the container's facade to its response), and none outside a span.
 */
public final class ResponseSendSpans {

  private final Instrumenter<CodeFunction, Void> instrumenter;

  public ResponseSendSpans(String moduleName) {
    this.instrumenter =
        CodeFunctionInstrumenters.create(InstrumentationScope.of(moduleName), true, SpanFamily.HTTP_SERVER_RESPONSE);
  }

  /** The started call, or null when no span starts. {@code type}: the class that declares the called method. */
  public Object enter(Class<?> type, String method) {
    try {
      Context parent = Context.current();
      if (!Span.fromContext(parent).getSpanContext().isValid()) {
        return null;
      }
      return CurrentSpanCall.start(instrumenter, parent, new CodeFunction(type, method));
    } catch (Throwable t) {
      AgentLog.debug("servlet: response span not started: {}", t);
      return null;
    }
  }

  public void exit(Object state, Throwable thrown) {
    CurrentSpanCall.endIfStarted(state, thrown);
  }
}
