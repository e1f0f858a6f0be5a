package dev.vireo.instrumentation.hibernate;

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
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Hibernate ORM 6 and 7: an INTERNAL span for each session operation ({@code Session.find
 * com.shop.Order}, {@code Session.persist com.shop.Order}), each query execution (named by the summary of its HQL or
 * SQL, as a database span) and each {@code Transaction.commit}, as the OpenTelemetry agent makes them. They sit
 * between the application's span (a repository call) and the JDBC spans the operation causes; an operation inside
 * another (a query run by a {@code find}, the flush of a commit) is part of the outer one. Compiled for Java 8 (it
 * names Hibernate types only as strings), unlike the rest of the package.
 */
public final class HibernateModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "hibernate";

  private static final String PACKAGE = "dev.vireo.instrumentation.hibernate.";
  /** Hibernate 6.0 and later only (Hibernate 5 has the other contracts too). */
  private static final String SQM_QUERY = "org.hibernate.query.spi.SqmQuery";

  @Override
  public String name() {
    return NAME;
  }

  /** The OpenTelemetry agent's name for its Hibernate 6+ instrumentation switches this one too. */
  @Override
  public List<String> aliases() {
    return Collections.singletonList("hibernate-6.0");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(SQM_QUERY);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        forTypes(hibernateClassesInheriting("org.hibernate.SharedSessionContract"))
            .advise(
                methodsNamed(
                        "save", "replicate", "saveOrUpdate", "update", "merge", "persist", "lock", "fireLock",
                        "refresh", "insert", "delete", "remove", "upsert")
                    .and(not(takesArguments(0))),
                PACKAGE + "SessionMethodAdvice")
            // the look-ups by entity name or class (not the overloads taking an entity graph)
            .advise(
                methodsNamed("get", "find")
                    .and(returns(Object.class))
                    .and(takesArgument(0, String.class).or(takesArgument(0, Class.class))),
                PACKAGE + "SessionMethodAdvice"),
        forTypes(hibernateClassesInheriting("org.hibernate.query.CommonQueryContract"))
            .advise(
                methodsNamed(
                    // getSingleResult() is no span of its own: it runs list()
                    "list", "getResultList", "stream", "getResultStream", "uniqueResult", "getSingleResultOrNull",
                    "uniqueResultOptional", "executeUpdate", "scroll"),
                PACKAGE + "QueryExecutionAdvice"),
        forTypes(hibernateClassesInheriting("org.hibernate.Transaction"))
            .advise(methodsNamed("commit").and(takesArguments(0)), PACKAGE + "TransactionCommitAdvice"));
  }

  /** Hibernate's own implementations only: the name test first spares every other class the super type walk. */
  private static ElementMatcher<TypeDescription> hibernateClassesInheriting(String typeName) {
    return nameStartsWith("org.hibernate.").and(classesInheriting(typeName));
  }
}
