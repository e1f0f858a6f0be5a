package dev.vireo.instrumentation.r2dbc;

import dev.vireo.instrumentation.api.AgentLog;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.reactivestreams.Publisher;

/**
 * Gives a replacement publisher the type of the one it replaces. Drivers declare {@code execute()}
 * and {@code create()} to return Reactor's {@code Flux} or {@code Mono}, so a plain {@code
 * Publisher} cannot stand in for their result; {@code Flux.from} / {@code Mono.fromDirect} make
 * one that can. Reactor is looked up reflectively in the original's own class loader: the SPI does
 * not depend on Reactor, so neither may this module's version check (drivers without Reactor still
 * get spans, through their plain {@code Publisher}).
 */
final class ReactorAdapters {

  /** Per publisher class: the static Reactor factory to wrap with, or null for a plain publisher. */
  private static final ClassValue<Method> FACTORIES =
      new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals("reactor.core.publisher.Flux")) {
              return publisherFactory(c, "from");
            }
            if (c.getName().equals("reactor.core.publisher.Mono")) {
              // fromDirect: Mono.from would cancel its source after the first value
              return publisherFactory(c, "fromDirect");
            }
          }
          return null;
        }
      };

  private ReactorAdapters() {}

  /**
   * {@code replacement} as the type of {@code original} (a Flux, a Mono or a plain publisher); the
   * original when that cannot be done. The caller's method is matched to return one of those three.
   */
  static Object asTypeOf(Object original, Publisher<?> replacement) {
    try {
      Class<?> type = original.getClass();
      Method factory = FACTORIES.get(type);
      if (factory == null) {
        return isReactor(type) ? original : replacement;
      }
      return factory.invoke(null, replacement);
    } catch (Throwable t) {
      AgentLog.debug("r2dbc: publisher not traced: {}", t);
      return original;
    }
  }

  /** A Reactor type whose factory was not found: not replaceable. */
  private static boolean isReactor(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals("reactor.core.publisher.Flux") || c.getName().equals("reactor.core.publisher.Mono")) {
        return true;
      }
    }
    return false;
  }

  private static Method publisherFactory(Class<?> reactorType, String name) {
    for (Method method : reactorType.getMethods()) {
      if (method.getName().equals(name)
          && Modifier.isStatic(method.getModifiers())
          && method.getParameterCount() == 1
          && method.getParameterTypes()[0].getName().equals("org.reactivestreams.Publisher")) {
        return method;
      }
    }
    return null;
  }
}
