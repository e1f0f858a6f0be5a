package dev.vireo.instrumentation.springscheduling;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.code.CodeFunction;
import dev.vireo.instrumentation.api.semconv.code.CodeFunctionCall;
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
  static CodeFunctionCall startMethodRun(Object runnable) {
    try {
      Method method = ((ScheduledMethodRunnable) runnable).getMethod();
      return start(new CodeFunction(method.getDeclaringClass(), method.getName()));
    } catch (Throwable t) {
      AgentLog.debug("spring-scheduling: span not started: {}", t);
      return null;
    }
  }

  /** The started run of {@code function}, or null when no span starts. */
  static CodeFunctionCall start(CodeFunction function) {
    try {
      Context parent = Context.current();
      if (!INSTRUMENTER.shouldStart(parent, function)) {
        return null;
      }
      return new CodeFunctionCall(INSTRUMENTER, function, INSTRUMENTER.start(parent, function));
    } catch (Throwable t) {
      AgentLog.debug("spring-scheduling: span not started: {}", t);
      return null;
    }
  }

  static void end(Object call, Throwable thrown) {
    if (call instanceof CodeFunctionCall) {
      ((CodeFunctionCall) call).end(thrown);
    }
  }
}
