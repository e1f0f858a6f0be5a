package dev.vireo.instrumentation.api.semconv.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.semconv.orm.HibernateSpanNames.EntityNameGuess;
import org.junit.jupiter.api.Test;

class HibernateSpanNamesTest {

  private static final Object SESSION = new Object();
  private static final Object ENTITY = new Object();
  /** Guesses "Guessed" for ENTITY asked of SESSION, nothing else. */
  private static final EntityNameGuess GUESS =
      (session, entity) -> session == SESSION && entity == ENTITY ? "Guessed" : null;

  @Test
  void sessionOperationsAreNamedAfterTheMethodAndTheEntity() {
    assertThat(HibernateSpanNames.sessionOperation("find", "com.shop.Order")).isEqualTo("Session.find com.shop.Order");
    assertThat(HibernateSpanNames.sessionOperation("fireLock", "com.shop.Order"))
        .isEqualTo("Session.lock com.shop.Order");
    assertThat(HibernateSpanNames.sessionOperation("flush", null)).isEqualTo("Session.flush");
    assertThat(HibernateSpanNames.criteriaOperation("list", "com.shop.Order")).isEqualTo("Criteria.list com.shop.Order");
    assertThat(HibernateSpanNames.criteriaOperation("scroll", null)).isEqualTo("Criteria.scroll");
  }

  @Test
  void theEntityNameIsReadFromTheArgumentsAsTheDescriptorSays() {
    // persist(String entityName, Object entity): the name given, else the guess for the entity
    assertThat(entityName("(Ljava/lang/String;Ljava/lang/Object;)V", "Given", ENTITY)).isEqualTo("Given");
    assertThat(entityName("(Ljava/lang/String;Ljava/lang/Object;)V", null, ENTITY)).isEqualTo("Guessed");
    // persist(Object entity), lock(Object, LockMode)
    assertThat(entityName("(Ljava/lang/Object;)V", ENTITY, null)).isEqualTo("Guessed");
    assertThat(entityName("(Ljava/lang/Object;Lorg/hibernate/LockMode;)V", ENTITY, "ignored")).isEqualTo("Guessed");
    // get(String entityName, Object id)
    assertThat(entityName("(Ljava/lang/String;Ljava/io/Serializable;)Ljava/lang/Object;", "Given", 7L))
        .isEqualTo("Given");
    // find(Class, Object id)
    assertThat(entityName("(Ljava/lang/Class;Ljava/lang/Object;)Ljava/lang/Object;", String.class, 7L))
        .isEqualTo("java.lang.String");
    // nothing to go by
    assertThat(entityName("(Ljava/lang/Object;)V", null, null)).isNull();
    assertThat(entityName("(Ljava/lang/Class;Ljava/lang/Object;)Ljava/lang/Object;", null, 7L)).isNull();
    assertThat(entityName("(Ljakarta/persistence/EntityGraph;Ljava/lang/Object;)Ljava/lang/Object;", ENTITY, 7L))
        .isNull();
  }

  @Test
  void queriesAreNamedByTheirSummary() {
    assertThat(HibernateSpanNames.query("select b from com.shop.Book b where b.title = :title"))
        .isEqualTo("select com.shop.Book");
    assertThat(HibernateSpanNames.query("update Book set title = 'x'")).isEqualTo("update Book");
    assertThat(HibernateSpanNames.query(null)).isEqualTo(HibernateSpanNames.UNNAMED_QUERY);
    assertThat(HibernateSpanNames.query("<criteria>")).isEqualTo("hibernate");
  }

  private static String entityName(String descriptor, Object arg0, Object arg1) {
    return HibernateSpanNames.entityName(SESSION, descriptor, arg0, arg1, GUESS);
  }
}
