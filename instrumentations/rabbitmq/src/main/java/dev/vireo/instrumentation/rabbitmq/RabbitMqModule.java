package dev.vireo.instrumentation.rabbitmq;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Messaging spans for the RabbitMQ Java client ({@code com.rabbitmq:amqp-client} 5.x): publish,
 * {@code basicGet} and the deliveries a {@code Consumer} handles, with the trace context carried in
 * the message headers.
 */
public final class RabbitMqModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "rabbitmq";

  private static final String PACKAGE = "dev.vireo.instrumentation.rabbitmq.";
  private static final String PROPERTIES = "com.rabbitmq.client.AMQP$BasicProperties";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // DeliverCallback arrived with 5.0: the 5.x API the module is written against.
    return ClassLoaderMatchers.hasClassesNamed(
        "com.rabbitmq.client.impl.ChannelN", "com.rabbitmq.client.DeliverCallback");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    // ChannelN is the channel every other one (the auto-recovering one) delegates to; each method
    // below is the overload the others of its name end in.
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("com.rabbitmq.client.impl.ChannelN"))
            // (exchange, routingKey, mandatory, immediate, props, byte[] body) and, from 5.2x on, the
            // ByteBuffer variant the former calls (nested, so it yields no second span)
            .advise(
                named("basicPublish")
                    .and(isPublic())
                    .and(takesArgument(0, String.class))
                    .and(takesArgument(1, String.class))
                    .and(takesArgument(4, named(PROPERTIES)))
                    .and(takesArguments(6).or(takesArguments(7))),
                PACKAGE + "PublishAdvice")
            .advise(
                named("basicGet").and(isPublic()).and(takesArguments(2)).and(takesArgument(0, String.class)),
                PACKAGE + "BasicGetAdvice")
            // (queue, autoAck, consumerTag, noLocal, exclusive, arguments, Consumer)
            .advise(
                named("basicConsume")
                    .and(isPublic())
                    .and(takesArguments(7))
                    .and(takesArgument(0, String.class))
                    .and(takesArgument(6, named("com.rabbitmq.client.Consumer"))),
                PACKAGE + "BasicConsumeAdvice"));
  }
}
