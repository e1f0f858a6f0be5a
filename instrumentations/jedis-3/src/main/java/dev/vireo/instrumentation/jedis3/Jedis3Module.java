package dev.vireo.instrumentation.jedis3;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT spans for Redis commands sent through Jedis 3.x, where a client writes a command with
 * {@code Connection.sendCommand(ProtocolCommand, byte[]...)} and reads its reply later, with one of
 * the connection's reply methods (at once, or at a pipeline's {@code sync()}): a command's span
 * starts when it is sent and ends when its reply is read, replies coming in the order commands were
 * sent. An error reply ({@code WRONGTYPE ...}) ends it as an error. A pipeline's or MULTI/EXEC
 * transaction's commands are one batch span at its {@code sync()} / {@code exec()} ({@code PIPELINE},
 * {@code MULTI}, or the command when the batch has one), as the OpenTelemetry agent makes them; the
 * MULTI, EXEC and DISCARD of a transaction make none of their own.
 */
public final class Jedis3Module implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "jedis-3";

  private static final String PACKAGE = "dev.vireo.instrumentation.jedis3.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // Jedis 4 and later (CommandObject) are the jedis module's
    return ClassLoaderMatchers.hasClassesNamed("redis.clients.jedis.BinaryJedis")
        .and(not(ClassLoaderMatchers.hasClassesNamed("redis.clients.jedis.CommandObject")));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        forTypes(named("redis.clients.jedis.Connection"))
            .advise(
                named("sendCommand")
                    .and(takesArguments(2))
                    .and(takesArgument(0, named("redis.clients.jedis.commands.ProtocolCommand")))
                    .and(takesArgument(1, byte[][].class)),
                PACKAGE + "SendCommandAdvice")
            .advise(named("readProtocolWithCheckingBroken").and(takesArguments(0)), PACKAGE + "ReadReplyAdvice"),
        // a pipeline's and a transaction's commands: one batch span at sync() / exec(), as the agent makes it
        forTypes(namedOneOf("redis.clients.jedis.Pipeline", "redis.clients.jedis.Transaction"))
            .advise(named("getClient").and(takesArguments(1)), PACKAGE + "QueueCommandAdvice")
            .advise(namedOneOf("sync", "syncAndReturnAll", "exec").and(takesArguments(0)), PACKAGE + "SyncAdvice")
            .advise(named("discard").and(takesArguments(0)), PACKAGE + "DiscardAdvice"),
        forTypes(named("redis.clients.jedis.BinaryJedis"))
            .advise(named("multi").and(takesArguments(0)), PACKAGE + "MultiAdvice"));
  }
}
