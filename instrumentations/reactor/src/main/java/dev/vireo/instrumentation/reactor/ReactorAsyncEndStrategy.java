package dev.vireo.instrumentation.reactor;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.AsyncEndStrategies;
import dev.vireo.instrumentation.api.AsyncEndStrategy;
import io.opentelemetry.context.Context;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends a traced method's operation ({@code @WithSpan}) when the {@code Mono} or {@code Flux} it returned
 * terminates: the method returns an {@link EndingMono}/{@link EndingFlux} around its publisher. Only where
 * that wrapper fits the method's declared return type: a method declared to return a subclass of {@code
 * Mono} keeps its result and its span ends at return.
 */
final class ReactorAsyncEndStrategy implements AsyncEndStrategy {

  /** Held here for as long as this module's classes live: the registry holds it weakly. */
  static final ReactorAsyncEndStrategy INSTANCE = new ReactorAsyncEndStrategy();

  private ReactorAsyncEndStrategy() {}

  static void register() {
    try {
      AsyncEndStrategies.register(INSTANCE);
    } catch (Throwable t) {
      AgentLog.debug("reactor: asynchronous end strategy not registered: {}", t);
    }
  }

  @Override
  public Object endWhenDone(Object result, String declaredReturnType, Context context, AsyncEnd end) {
    if (result instanceof Mono && fits(declaredReturnType, "reactor.core.publisher.Mono")) {
      return new EndingMono<>((Mono<?>) result, context, new EndOnce(context, end));
    }
    if (result instanceof Flux && fits(declaredReturnType, "reactor.core.publisher.Flux")) {
      return new EndingFlux<>((Flux<?>) result, context, new EndOnce(context, end));
    }
    return null;
  }

  /** Whether a wrapper extending {@code wrapperBase} may be returned where {@code declared} is expected. */
  private static boolean fits(String declared, String wrapperBase) {
    return declared.equals(wrapperBase)
        || declared.equals("org.reactivestreams.Publisher")
        || declared.equals("reactor.core.CorePublisher")
        || declared.equals("java.lang.Object");
  }
}
