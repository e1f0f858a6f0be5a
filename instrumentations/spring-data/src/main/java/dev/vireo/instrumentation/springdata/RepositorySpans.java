package dev.vireo.instrumentation.springdata;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.AsyncEndStrategies;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.code.CodeFunction;
import dev.vireo.instrumentation.api.semconv.code.CodeFunctionInstrumenters;
import io.opentelemetry.context.Context;
import java.lang.reflect.Method;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;

/** Starts and ends the INTERNAL span of a repository call. */
final class RepositorySpans {

  static final Instrumenter<CodeFunction, Void> INSTRUMENTER =
      CodeFunctionInstrumenters.create(InstrumentationScope.of(SpringDataModule.NAME), true);

  private RepositorySpans() {}

  /** Has every repository {@code factory} builds from now on wrapped in the spanning interceptor. */
  static void watch(Object factory) {
    if (factory instanceof RepositoryFactorySupport) {
      ((RepositoryFactorySupport) factory).addRepositoryProxyPostProcessor(SpanningPostProcessor.INSTANCE);
    }
  }

  /** The started call, or null when no span starts (then the caller only proceeds). */
  static Call start(Class<?> repositoryInterface, Method method) {
    try {
      CodeFunction function = new CodeFunction(repositoryInterface, method.getName());
      Context parent = Context.current();
      if (!INSTRUMENTER.shouldStart(parent, function)) {
        return null;
      }
      return new Call(function, INSTRUMENTER.start(parent, function));
    } catch (Throwable t) {
      AgentLog.debug("spring-data: span not started: {}", t);
      return null;
    }
  }

  /** One repository call's span. */
  static final class Call {
    final CodeFunction function;
    final Context context;

    Call(CodeFunction function, Context context) {
      this.function = function;
      this.context = context;
    }

    /**
     * Ends the span now, or when an asynchronous result ({@code CompletableFuture}, a Reactor or RxJava publisher)
     * completes; returns what the repository method should return.
     */
    Object end(Object result, Method method) {
      return AsyncEndStrategies.endNowOrWhenDone(result, method.getReturnType().getName(), context, this::end);
    }

    void end(Throwable error) {
      try {
        INSTRUMENTER.end(context, function, null, error);
      } catch (Throwable t) {
        AgentLog.debug("spring-data: span not ended: {}", t);
      }
    }
  }
}
