package dev.vireo.instrumentation.springwebmvc.javax;

import dev.vireo.instrumentation.api.CurrentSpanCall;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.code.CodeFunction;
import dev.vireo.instrumentation.api.semconv.code.ControllerInstrumenters;
import io.opentelemetry.context.Context;
import org.springframework.web.method.HandlerMethod;

/**
 * The optional INTERNAL span around an annotated controller method ({@code OrderController.order});
 * router functions and resource handlers get none.
 */
final class ControllerSpans {

  static final Instrumenter<CodeFunction, Void> INSTRUMENTER =
      ControllerInstrumenters.create(InstrumentationScope.of(SpringWebMvcJavaxModule.NAME));

  private ControllerSpans() {}

  /** The started span's state, or null. */
  static Object start(Object handler) {
    if (!(handler instanceof HandlerMethod)) {
      return null;
    }
    Context parent = Context.current();
    HandlerMethod method = (HandlerMethod) handler;
    return CurrentSpanCall.start(
        INSTRUMENTER, parent, new CodeFunction(method.getBeanType(), method.getMethod().getName()));
  }

  static void end(Object state, Throwable thrown) {
    CurrentSpanCall.endIfStarted(state, thrown);
  }
}
