package dev.vireo.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.AdviceTarget;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT spans for every JDBC statement execution, on every driver and pool: implementations of
 * {@code java.sql.Statement} (execute*, batches) and of {@code java.sql.Connection} (to remember
 * the SQL of prepared statements).
 */
public final class JdbcModule implements InstrumentationModule, TypeInstrumentation {

  private static final String PACKAGE = "dev.vireo.instrumentation.jdbc.";

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(this);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    // Driver and pool classes have arbitrary names, so the costly super type walk cannot be avoided;
    // it is done once for both interfaces, and never for interfaces or the JDK's own classes. The name
    // tests come first: they need no parsing of the class file, isInterface() does.
    return not(nameStartsWith("java."))
        .and(not(nameStartsWith("sun.")))
        .and(not(nameStartsWith("jdk.")))
        .and(not(isInterface()))
        .and(hasSuperType(namedOneOf("java.sql.Statement", "java.sql.Connection")));
  }

  @Override
  public void transform(AdviceTarget target) {
    target
        .applyAdvice(
            implemented(namedOneOf("prepareStatement", "prepareCall")).and(takesArgument(0, String.class)),
            PACKAGE + "PrepareAdvice")
        .applyAdvice(
            implemented(namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate"))
                .and(takesArgument(0, String.class)),
            PACKAGE + "ExecuteSqlAdvice")
        .applyAdvice(
            implemented(namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate"))
                .and(takesArguments(0)),
            PACKAGE + "ExecutePreparedAdvice")
        .applyAdvice(
            implemented(namedOneOf("executeBatch", "executeLargeBatch")).and(takesArguments(0)),
            PACKAGE + "ExecuteBatchAdvice")
        .applyAdvice(implemented(named("addBatch")).and(takesArguments(String.class)), PACKAGE + "AddBatchSqlAdvice")
        .applyAdvice(implemented(named("addBatch")).and(takesArguments(0)), PACKAGE + "AddBatchAdvice")
        .applyAdvice(implemented(named("clearBatch")).and(takesArguments(0)), PACKAGE + "ClearBatchAdvice")
        .applyAdvice(implemented(named("isValid")).and(takesArguments(int.class)), PACKAGE + "IsValidAdvice");
  }

  /** Public instance methods with a body, no bridges. */
  private static ElementMatcher.Junction<MethodDescription> implemented(
      ElementMatcher<? super MethodDescription> name) {
    return isPublic().and(not(isStatic())).and(not(isAbstract())).and(not(isSynthetic())).and(name);
  }
}
