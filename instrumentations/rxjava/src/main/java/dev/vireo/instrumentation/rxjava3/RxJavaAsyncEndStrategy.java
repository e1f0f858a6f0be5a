package dev.vireo.instrumentation.rxjava3;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.AsyncEndStrategies;
import dev.vireo.instrumentation.api.AsyncEndStrategy;
import io.opentelemetry.context.Context;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;

/**
 * Ends a traced method's operation ({@code @WithSpan}) when the RxJava result it returned terminates:
 * the method returns an {@code Ending...} wrapper of the same RxJava type around its result. Only where
 * the wrapper fits the method's declared return type (the type itself, its {@code ...Source} interface,
 * {@code Publisher} for a {@code Flowable}, or {@code Object}); otherwise the span ends at return.
 */
final class RxJavaAsyncEndStrategy implements AsyncEndStrategy {

  /** Held here for as long as this module's classes live: the registry holds it weakly. */
  static final RxJavaAsyncEndStrategy INSTANCE = new RxJavaAsyncEndStrategy();

  private static volatile boolean registered;

  private RxJavaAsyncEndStrategy() {}

  static void registerOnce() {
    if (registered) {
      return;
    }
    registered = true;
    try {
      AsyncEndStrategies.register(INSTANCE);
    } catch (Throwable t) {
      AgentLog.debug("rxjava: asynchronous end strategy not registered: {}", t);
    }
  }

  @Override
  public Object endWhenDone(Object result, String declaredReturnType, Context context, AsyncEnd end) {
    if (result instanceof Single && fits(declaredReturnType, "io.reactivex.rxjava3.core.Single")) {
      return new EndingSingle<>((Single<?>) result, context, new EndOnce(context, end));
    }
    if (result instanceof Maybe && fits(declaredReturnType, "io.reactivex.rxjava3.core.Maybe")) {
      return new EndingMaybe<>((Maybe<?>) result, context, new EndOnce(context, end));
    }
    if (result instanceof Completable && fits(declaredReturnType, "io.reactivex.rxjava3.core.Completable")) {
      return new EndingCompletable((Completable) result, context, new EndOnce(context, end));
    }
    if (result instanceof Observable && fits(declaredReturnType, "io.reactivex.rxjava3.core.Observable")) {
      return new EndingObservable<>((Observable<?>) result, context, new EndOnce(context, end));
    }
    if (result instanceof Flowable
        && (fits(declaredReturnType, "io.reactivex.rxjava3.core.Flowable")
            || declaredReturnType.equals("org.reactivestreams.Publisher"))) {
      return new EndingFlowable<>((Flowable<?>) result, context, new EndOnce(context, end));
    }
    return null;
  }

  private static boolean fits(String declared, String type) {
    return declared.equals(type) || declared.equals(type + "Source") || declared.equals("java.lang.Object");
  }
}
