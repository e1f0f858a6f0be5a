package dev.vireo.instrumentation.jdbc;

import static dev.vireo.instrumentation.spi.SuperTypeMatchers.classesInheriting;
import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
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
public final class JdbcModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "jdbc";

  private static final String PACKAGE = "dev.vireo.instrumentation.jdbc.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(statementsAndConnections())
            .advise(
                implemented(namedOneOf("prepareStatement", "prepareCall")).and(takesArgument(0, String.class)),
                PACKAGE + "PrepareAdvice")
            .advise(
                implemented(namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate"))
                    .and(takesArgument(0, String.class)),
                PACKAGE + "ExecuteSqlAdvice")
            .advise(
                implemented(namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate"))
                    .and(takesArguments(0)),
                PACKAGE + "ExecutePreparedAdvice")
            .advise(
                implemented(namedOneOf("executeBatch", "executeLargeBatch")).and(takesArguments(0)),
                PACKAGE + "ExecuteBatchAdvice")
            .advise(implemented(named("addBatch")).and(takesArguments(String.class)), PACKAGE + "AddBatchSqlAdvice")
            .advise(implemented(named("addBatch")).and(takesArguments(0)), PACKAGE + "AddBatchAdvice")
            .advise(implemented(named("clearBatch")).and(takesArguments(0)), PACKAGE + "ClearBatchAdvice")
            .advise(implemented(named("isValid")).and(takesArguments(int.class)), PACKAGE + "IsValidAdvice"));
  }

  private static ElementMatcher<TypeDescription> statementsAndConnections() {
    // Driver and pool classes have arbitrary names, so the costly super type walk cannot be avoided;
    // it is done once for both interfaces, and never for interfaces or the JDK's own classes. The name
    // tests come first: they need no parsing of the class file, isInterface() does.
    return not(nameStartsWith("java."))
        .and(not(nameStartsWith("sun.")))
        .and(not(nameStartsWith("jdk.")))
        .and(classesInheriting("java.sql.Statement", "java.sql.Connection"));
  }

  /** Public instance methods with a body, no bridges. */
  private static ElementMatcher.Junction<MethodDescription> implemented(
      ElementMatcher<? super MethodDescription> name) {
    return isPublic().and(not(isStatic())).and(not(isAbstract())).and(not(isSynthetic())).and(name);
  }
}
