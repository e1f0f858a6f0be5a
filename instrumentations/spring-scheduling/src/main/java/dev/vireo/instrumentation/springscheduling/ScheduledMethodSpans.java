package dev.vireo.instrumentation.springscheduling;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.CurrentSpanCall;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.code.CodeFunction;
import dev.vireo.instrumentation.api.semconv.code.CodeFunctionInstrumenters;
import io.opentelemetry.context.Context;
import java.lang.reflect.Method;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

/**
 * Starts and ends the span of one run of a {@code @Scheduled} method, named after the class that declares the method
 * (not the bean's proxy class), or of another task given to a task scheduler ({@link TracedScheduledTask}), current
 * while it runs.
 */
final class ScheduledMethodSpans {

  static final Instrumenter<CodeFunction, Void> INSTRUMENTER =
      CodeFunctionInstrumenters.create(InstrumentationScope.of(SpringSchedulingModule.NAME), true);

  private ScheduledMethodSpans() {}

  /** The started run of a {@code @Scheduled} method's runnable, or null when no span starts. */
  static CurrentSpanCall<CodeFunction> startMethodRun(Object runnable) {
    try {
      Method method = ((ScheduledMethodRunnable) runnable).getMethod();
      return start(new CodeFunction(method.getDeclaringClass(), method.getName()));
    } catch (Throwable t) {
      AgentLog.debug("spring-scheduling: span not started: {}", t);
      return null;
    }
  }

  /** The started run of {@code function}, or null when no span starts. */
  static CurrentSpanCall<CodeFunction> start(CodeFunction function) {
    try {
      return CurrentSpanCall.start(INSTRUMENTER, Context.current(), function);
    } catch (Throwable t) {
      AgentLog.debug("spring-scheduling: span not started: {}", t);
      return null;
    }
  }

  static void end(Object call, Throwable thrown) {
    CurrentSpanCall.endIfStarted(call, thrown);
  }
}
