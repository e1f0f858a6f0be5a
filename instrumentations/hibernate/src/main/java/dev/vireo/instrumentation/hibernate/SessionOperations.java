package dev.vireo.instrumentation.hibernate;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.Context;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Spans of session calls: {@code Session.{method} {entity name}} ({@code fireLock}, the implementation of a
 * {@code lock}, is named {@code Session.lock}), the entity name taken from the arguments as the method's signature
 * says: given ({@code get(String, id)}), the class's name ({@code find(Class, id)}) or the session's best guess for
 * the entity object ({@code persist(entity)}, {@code merge(null, entity)}).
 */
final class SessionOperations {

  private SessionOperations() {}

  /** The started operation, or null when none starts. */
  static HibernateOperation start(Object session, String method, String descriptor, Object arg0, Object arg1) {
    try {
      Context parent = Context.current();
      if (!HibernateOperation.startsIn(parent)) {
        return null;
      }
      String operation = "fireLock".equals(method) ? "Session.lock" : "Session." + method;
      String entityName = entityName(session, descriptor, arg0, arg1);
      return HibernateOperation.start(parent, entityName == null ? operation : operation + ' ' + entityName);
    } catch (Throwable t) {
      AgentLog.debug("hibernate: session span not started: {}", t);
      return null;
    }
  }

  static String entityName(Object session, String descriptor, Object arg0, Object arg1) {
    if (descriptor.startsWith("(Ljava/lang/String;Ljava/lang/Object;")) { // persist(entityName, entity) ...
      return arg0 != null ? (String) arg0 : guessedEntityName(session, arg1);
    }
    if (descriptor.startsWith("(Ljava/lang/Object;")) { // persist(entity) ...
      return guessedEntityName(session, arg0);
    }
    if (descriptor.startsWith("(Ljava/lang/String;")) { // get(entityName, id)
      return (String) arg0;
    }
    if (descriptor.startsWith("(Ljava/lang/Class;") && arg0 != null) { // find(entityClass, id)
      return ((Class<?>) arg0).getName();
    }
    return null;
  }

  private static String guessedEntityName(Object session, Object entity) {
    if (entity == null || !(session instanceof SharedSessionContractImplementor)) {
      return null;
    }
    try {
      return ((SharedSessionContractImplementor) session).bestGuessEntityName(entity);
    } catch (RuntimeException e) { // a closed session: the operation itself will say so
      return null;
    }
  }
}
