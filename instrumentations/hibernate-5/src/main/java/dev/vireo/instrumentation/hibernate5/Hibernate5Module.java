package dev.vireo.instrumentation.hibernate5;

import static dev.vireo.instrumentation.spi.MethodNames.methodsNamed;
import static dev.vireo.instrumentation.spi.SuperTypeMatchers.classesInheriting;
import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Hibernate ORM 5.2 to 5.6: the INTERNAL spans of the hibernate module (Hibernate 6 and 7) for session operations,
 * query executions (named by the summary of the query's HQL or SQL as written) and {@code Transaction.commit}, and
 * {@code Criteria.{method} {entity}} for the legacy {@code Criteria} queries, as the OpenTelemetry agent makes them.
 */
public final class Hibernate5Module implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "hibernate-5";

  private static final String PACKAGE = "dev.vireo.instrumentation.hibernate5.";

  @Override
  public String name() {
    return NAME;
  }

  /** One switch for every Hibernate version, and the OpenTelemetry agent's name for its Hibernate 4/5 one. */
  @Override
  public List<String> aliases() {
    return Arrays.asList("hibernate", "hibernate-4.0");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // org.hibernate.query.Query is new in 5.2; Criteria is gone in 6
    return ClassLoaderMatchers.hasClassesNamed("org.hibernate.query.Query", "org.hibernate.Criteria");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        forTypes(hibernateClassesInheriting("org.hibernate.SharedSessionContract"))
            .advise(
                methodsNamed(
                        "save", "replicate", "saveOrUpdate", "update", "merge", "persist", "lock", "fireLock",
                        "refresh", "insert", "delete")
                    .and(not(takesArguments(0))),
                PACKAGE + "SessionMethodAdvice")
            .advise(
                methodsNamed("get", "find")
                    .and(returns(Object.class))
                    .and(takesArgument(0, String.class).or(takesArgument(0, Class.class))),
                PACKAGE + "SessionMethodAdvice"),
        forTypes(hibernateClassesInheriting("org.hibernate.Query"))
            // JPA's getResultList(), getSingleResult() run list()
            .advise(
                methodsNamed("list", "executeUpdate", "uniqueResult", "iterate", "scroll"),
                PACKAGE + "QueryExecutionAdvice"),
        forTypes(hibernateClassesInheriting("org.hibernate.Criteria"))
            .advise(methodsNamed("list", "uniqueResult", "scroll"), PACKAGE + "CriteriaExecutionAdvice"),
        forTypes(hibernateClassesInheriting("org.hibernate.Transaction"))
            .advise(methodsNamed("commit").and(takesArguments(0)), PACKAGE + "TransactionCommitAdvice"));
  }

  /** Hibernate's own implementations only: the name test first spares every other class the super type walk. */
  private static ElementMatcher<TypeDescription> hibernateClassesInheriting(String typeName) {
    return nameStartsWith("org.hibernate.").and(classesInheriting(typeName));
  }
}
