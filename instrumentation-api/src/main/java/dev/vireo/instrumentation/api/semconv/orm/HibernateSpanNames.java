package dev.vireo.instrumentation.api.semconv.orm;

import dev.vireo.instrumentation.api.semconv.db.SqlDialect;
import dev.vireo.instrumentation.api.semconv.db.SqlQuery;
import dev.vireo.instrumentation.api.semconv.db.SqlQueryCache;

/**
 * The names of Hibernate's spans, as the OpenTelemetry agent gives them, for every Hibernate version: {@code
 * Session.{method} {entity name}}, a query named by the summary of its text, {@code Transaction.commit} (and on
 * Hibernate 5 {@code Criteria.{method} {entity}}).
 */
public final class HibernateSpanNames {

  public static final String TRANSACTION_COMMIT = "Transaction.commit";
  /** A query whose text yields no summary. */
  public static final String UNNAMED_QUERY = "hibernate";

  /** Hibernate's guess of an entity object's entity name, asked of the session that was given the object. */
  public interface EntityNameGuess {
    /** The name, or null; never throws. */
    String of(Object session, Object entity);
  }

  private HibernateSpanNames() {}

  /**
   * {@code Session.{method} {entity name}} ({@code Session.{method}} without one); {@code fireLock}, the
   * implementation of {@code lock}, is {@code Session.lock}.
   */
  public static String sessionOperation(String method, String entityName) {
    String operation = "fireLock".equals(method) ? "Session.lock" : "Session." + method;
    return entityName == null ? operation : operation + ' ' + entityName;
  }

  /** A legacy {@code Criteria} query's execution (Hibernate 5): {@code Criteria.{method} {entity or class name}}. */
  public static String criteriaOperation(String method, String entityOrClassName) {
    return entityOrClassName == null ? "Criteria." + method : "Criteria." + method + ' ' + entityOrClassName;
  }

  /**
   * The entity name a session method's arguments give, read as its descriptor says: the name given ({@code
   * get(String, id)}; {@code persist(null, entity)}: the guess for the entity), the class's name ({@code find(Class,
   * id)}), or the guess for the entity object ({@code persist(entity)}); null for other signatures.
   */
  public static String entityName(
      Object session, String descriptor, Object arg0, Object arg1, EntityNameGuess guess) {
    if (descriptor.startsWith("(Ljava/lang/String;Ljava/lang/Object;")) {
      return arg0 instanceof String ? (String) arg0 : guessed(session, arg1, guess);
    }
    if (descriptor.startsWith("(Ljava/lang/Object;")) {
      return guessed(session, arg0, guess);
    }
    if (descriptor.startsWith("(Ljava/lang/String;")) {
      return arg0 instanceof String ? (String) arg0 : null;
    }
    if (descriptor.startsWith("(Ljava/lang/Class;") && arg0 instanceof Class) {
      return ((Class<?>) arg0).getName();
    }
    return null;
  }

  private static String guessed(Object session, Object entity, EntityNameGuess guess) {
    return entity == null ? null : guess.of(session, entity);
  }

  /**
   * A query execution's name: the database conventions' query summary of its HQL or SQL ({@code select
   * com.shop.Order}), as the OpenTelemetry agent names it under its stable database conventions (those of Vireo's
   * database spans); {@link #UNNAMED_QUERY} when the text gives none.
   */
  public static String query(String queryText) {
    // cached by text in the cache the JDBC spans use
    SqlQuery analysed = SqlQueryCache.shared().analyze(queryText, SqlDialect.STANDARD, false);
    String summary = analysed == null ? null : analysed.getQuerySummary();
    return summary == null ? UNNAMED_QUERY : summary;
  }
}
