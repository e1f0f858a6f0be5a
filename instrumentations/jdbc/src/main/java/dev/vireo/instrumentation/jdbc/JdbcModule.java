package dev.vireo.instrumentation.jdbc;

import static dev.vireo.instrumentation.spi.MethodNames.methodsNamed;
import static dev.vireo.instrumentation.spi.SuperTypeMatchers.classesInheriting;
import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.MethodNames;
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
        // statements and connections keep the agent's state in a field of their own (StatementSpans, ConnectionInfos)
        // where the class loaded after the agent: no map entry and weak reference per prepared statement or borrow
        forTypes(statementsAndConnections())
            .withInjectedSlot()
            .advise(
                implemented(methodsNamed("prepareStatement", "prepareCall")).and(takesArgument(0, String.class)),
                PACKAGE + "PrepareAdvice")
            .advise(
                implemented(methodsNamed("execute", "executeQuery", "executeUpdate", "executeLargeUpdate"))
                    .and(takesArgument(0, String.class)),
                PACKAGE + "ExecuteSqlAdvice")
            .advise(
                implemented(methodsNamed("execute", "executeQuery", "executeUpdate", "executeLargeUpdate"))
                    .and(takesArguments(0)),
                PACKAGE + "ExecutePreparedAdvice")
            .advise(
                implemented(methodsNamed("executeBatch", "executeLargeBatch")).and(takesArguments(0)),
                PACKAGE + "ExecuteBatchAdvice")
            .advise(implemented(methodsNamed("addBatch")).and(takesArguments(String.class)), PACKAGE + "AddBatchSqlAdvice")
            .advise(implemented(methodsNamed("addBatch")).and(takesArguments(0)), PACKAGE + "AddBatchAdvice")
            .advise(implemented(methodsNamed("clearBatch")).and(takesArguments(0)), PACKAGE + "ClearBatchAdvice")
            .advise(implemented(methodsNamed("isValid")).and(takesArguments(int.class)), PACKAGE + "IsValidAdvice"));
  }

  private static ElementMatcher<TypeDescription> statementsAndConnections() {
    // Driver and pool classes have arbitrary names, so the costly super type walk cannot be avoided;
    // it is done once for both interfaces, never for interfaces or the JDK's own classes, and only for
    // classes whose class file names one of the advised methods (MethodNames). The name tests come first.
    return not(nameStartsWith("java."))
        .and(not(nameStartsWith("sun.")))
        .and(not(nameStartsWith("jdk.")))
        .and(classesInheriting("java.sql.Statement", "java.sql.Connection"));
  }

  /** Public instance methods with a body, no bridges; the names first, so classes that lack them are skipped. */
  private static ElementMatcher.Junction<MethodDescription> implemented(MethodNames names) {
    return names.and(isPublic()).and(not(isStatic())).and(not(isAbstract())).and(not(isSynthetic()));
  }
}
