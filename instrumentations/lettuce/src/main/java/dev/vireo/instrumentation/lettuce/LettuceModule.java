package dev.vireo.instrumentation.lettuce;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT spans for Redis commands sent through Lettuce 5.x and newer. Every command of the sync,
 * async and reactive APIs of a standalone connection passes {@code
 * StatefulRedisConnectionImpl.dispatch(RedisCommand)} on the calling (or subscribing) thread: the
 * span starts there, child of the context current then, and ends when the command is completed,
 * fails or is cancelled (on an event loop thread), whatever waits for it. A connection's server
 * comes from its channel when it becomes active. A cluster connection's command ({@code
 * RedisClusterClient}) is routed to a node's endpoint after dispatch and may be redirected ({@code
 * MOVED}, {@code ASK}): one span for it, made when it completes, naming the node that answered. The
 * cluster topology refresh's own commands get none.
 */
public final class LettuceModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "lettuce";

  private static final String PACKAGE = "dev.vireo.instrumentation.lettuce.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // io.lettuce.core is the package from 5.0 on (4.x was com.lambdaworks.redis)
    return ClassLoaderMatchers.hasClassesNamed("io.lettuce.core.StatefulRedisConnectionImpl");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        forTypes(named("io.lettuce.core.StatefulRedisConnectionImpl"))
            .advise(
                named("dispatch")
                    .and(takesArguments(1))
                    .and(takesArgument(0, named("io.lettuce.core.protocol.RedisCommand"))),
                PACKAGE + "DispatchAdvice"),
        // a cluster connection routes each command to a node's endpoint after dispatch
        forTypes(named("io.lettuce.core.cluster.StatefulRedisClusterConnectionImpl"))
            .advise(
                named("dispatch")
                    .and(takesArguments(1))
                    .and(takesArgument(0, named("io.lettuce.core.protocol.RedisCommand"))),
                PACKAGE + "ClusterDispatchAdvice"),
        forTypes(named("io.lettuce.core.RedisClient"))
            .advise(
                named("connectStatefulAsync")
                    .and(takesArgument(0, named("io.lettuce.core.StatefulRedisConnectionImpl"))),
                PACKAGE + "ConnectAdvice"),
        forTypes(named("io.lettuce.core.protocol.DefaultEndpoint"))
            .advise(named("setConnectionFacade").and(takesArguments(1)), PACKAGE + "ConnectionFacadeAdvice")
            .advise(named("notifyChannelActive").and(takesArguments(1)), PACKAGE + "ChannelActiveAdvice")
            .advise(
                named("write").and(takesArguments(1)).and(takesArgument(0, named("io.lettuce.core.protocol.RedisCommand"))),
                PACKAGE + "EndpointWriteAdvice"),
        // the command objects dispatch sees: AsyncCommand (sync and async APIs), CommandWrapper
        // subclasses (reactive), Command
        forTypes(namedOneOf(
                "io.lettuce.core.protocol.AsyncCommand",
                "io.lettuce.core.protocol.CommandWrapper",
                "io.lettuce.core.protocol.Command"))
            .advise(named("complete").and(takesArguments(0)), PACKAGE + "CompleteAdvice")
            .advise(
                named("completeExceptionally").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
                PACKAGE + "CompleteExceptionallyAdvice")
            .advise(named("cancel").and(takesArguments(0)), PACKAGE + "CancelAdvice"));
  }
}
