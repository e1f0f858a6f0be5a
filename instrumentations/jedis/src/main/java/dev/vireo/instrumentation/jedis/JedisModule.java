package dev.vireo.instrumentation.jedis;

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
 * CLIENT spans for Redis commands sent through Jedis 4.x and newer, where every command of a client
 * ({@code Jedis}, {@code JedisPooled}, {@code JedisCluster}) runs as {@code
 * Connection.executeCommand(CommandObject)}: one span per command, from sending it to reading its
 * reply. A pipeline or a MULTI/EXEC transaction queues its commands and reads the replies at {@code
 * sync()} / {@code exec()}: one batch span there. The {@code Jedis} methods that send their command
 * themselves ({@code ping}, {@code select}) get a span from sending it to their return; what a
 * {@code JedisPool} sends to keep its connections (validation, activation) gets none. A {@code
 * JedisCluster} command is a span naming the node it was sent to; when that node answers {@code MOVED}
 * and Jedis sends it again elsewhere, each send is a span (the first an error with status {@code
 * MOVED}); the stable conventions would rather have one span covering the retry (as the lettuce module
 * does): left to do.
 */
public final class JedisModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "jedis";

  private static final String PACKAGE = "dev.vireo.instrumentation.jedis.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // CommandObject exists from Jedis 4.0 on
    return ClassLoaderMatchers.hasClassesNamed("redis.clients.jedis.CommandObject");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        forTypes(named("redis.clients.jedis.Connection"))
            .advise(
                named("executeCommand").and(takesArguments(1)).and(takesArgument(0, named(COMMAND_OBJECT))),
                PACKAGE + "ExecuteCommandAdvice")
            .advise(
                named("sendCommand")
                    .and(takesArguments(1))
                    .and(takesArgument(0, named("redis.clients.jedis.CommandArguments"))),
                PACKAGE + "SendCommandAdvice"),
        // the Jedis methods that send their command without executeCommand (4.x to 8.x)
        forTypes(named("redis.clients.jedis.Jedis"))
            .advise(
                named("ping").and(takesArguments(0).or(takesArguments(String.class)).or(takesArguments(byte[].class)))
                    .or(named("select").and(takesArguments(int.class))),
                PACKAGE + "DirectCommandAdvice"),
        forTypes(named("redis.clients.jedis.JedisFactory"))
            .advise(
                namedOneOf("makeObject", "activateObject", "validateObject", "passivateObject", "destroyObject"),
                PACKAGE + "PoolHousekeepingAdvice"),
        // Jedis 4 declares a transaction's methods in TransactionBase, later ones in Transaction
        forTypes(namedOneOf(
                "redis.clients.jedis.Pipeline", "redis.clients.jedis.Transaction", "redis.clients.jedis.TransactionBase"))
            .advise(
                named("appendCommand").and(takesArguments(1)).and(takesArgument(0, named(COMMAND_OBJECT))),
                PACKAGE + "AppendCommandAdvice")
            .advise(namedOneOf("sync", "syncAndReturnAll", "exec").and(takesArguments(0)), PACKAGE + "SyncAdvice")
            .advise(named("discard").and(takesArguments(0)), PACKAGE + "DiscardAdvice"));
  }

  private static final String COMMAND_OBJECT = "redis.clients.jedis.CommandObject";
}
