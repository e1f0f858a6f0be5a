package dev.vireo.instrumentation.r2dbc;

import static dev.vireo.instrumentation.spi.MethodNames.methodsNamed;
import static dev.vireo.instrumentation.spi.SuperTypeMatchers.classesInheriting;
import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.MethodNames;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT spans for every R2DBC statement and batch execution, on every driver (r2dbc-spi 1.0+): the
 * SQL is remembered when a connection creates a statement or batch, the bindings counted, and the
 * publisher {@code execute()} returns replaced by one whose subscription starts the span; it ends
 * when those results, and the consumption of each result, have terminated. Connection
 * facts come from the connection's metadata and, for factories found through {@code
 * ConnectionFactories}, from their options.
 */
public final class R2dbcModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "r2dbc";

  private static final String PACKAGE = "dev.vireo.instrumentation.r2dbc.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // io.r2dbc.spi.Readable is new in r2dbc-spi 1.0
    return ClassLoaderMatchers.hasClassesNamed("io.r2dbc.spi.Readable", "io.r2dbc.spi.ConnectionFactories");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        forTypes(named("io.r2dbc.spi.ConnectionFactories"))
            .advise(
                named("find").and(isStatic()).and(takesArgument(0, named("io.r2dbc.spi.ConnectionFactoryOptions"))),
                PACKAGE + "FindFactoryAdvice"),
        forTypes(implementations())
            .advise(implemented(methodsNamed("create")).and(takesArguments(0)).and(returnsPublisher()),
                PACKAGE + "CreateConnectionAdvice")
            .advise(implemented(methodsNamed("createStatement")).and(takesArguments(String.class)),
                PACKAGE + "CreateStatementAdvice")
            .advise(implemented(methodsNamed("createBatch")).and(takesArguments(0)), PACKAGE + "CreateBatchAdvice")
            .advise(implemented(methodsNamed("bind", "bindNull")).and(takesArguments(2)), PACKAGE + "BindAdvice")
            .advise(implemented(methodsNamed("add")).and(takesArguments(0)), PACKAGE + "AddBindingsAdvice")
            .advise(implemented(methodsNamed("add")).and(takesArguments(String.class)), PACKAGE + "AddSqlAdvice")
            .advise(implemented(methodsNamed("execute")).and(takesArguments(0)).and(returnsPublisher()),
                PACKAGE + "ExecuteAdvice")
            .advise(
                implemented(methodsNamed("map", "flatMap", "getRowsUpdated"))
                    .and(
                        namedOneOf("map", "flatMap").and(takesArguments(1))
                            .or(named("getRowsUpdated").and(takesArguments(0))))
                    .and(returnsPublisher()),
                PACKAGE + "ConsumeResultAdvice")
            .advise(implemented(methodsNamed("filter")).and(takesArguments(1)), PACKAGE + "FilterResultAdvice"));
  }

  private static ElementMatcher<TypeDescription> implementations() {
    // Driver classes have arbitrary names: the super type walk cannot be avoided, but is done once
    // for the five interfaces, over class file headers, and never for the JDK's classes.
    return not(nameStartsWith("java."))
        .and(not(nameStartsWith("jdk.")))
        .and(not(nameStartsWith("sun.")))
        .and(
            classesInheriting(
                "io.r2dbc.spi.ConnectionFactory",
                "io.r2dbc.spi.Connection",
                "io.r2dbc.spi.Statement",
                "io.r2dbc.spi.Batch",
                "io.r2dbc.spi.Result"));
  }

  /**
   * Only methods declared to return a plain {@code Publisher}, a {@code Flux} or a {@code Mono}: the
   * traced publisher handed back in their place must fit the declared type.
   */
  private static ElementMatcher.Junction<MethodDescription> returnsPublisher() {
    return returns(
        namedOneOf("org.reactivestreams.Publisher", "reactor.core.publisher.Flux", "reactor.core.publisher.Mono"));
  }

  /** Public instance methods with a body, no bridges. */
  private static ElementMatcher.Junction<MethodDescription> implemented(MethodNames names) {
    return names.and(isPublic()).and(not(isStatic())).and(not(isAbstract())).and(not(isSynthetic()));
  }
}
