package dev.vireo.instrumentation.jms.javax;

import static dev.vireo.instrumentation.spi.MethodNames.methodsNamed;
import static dev.vireo.instrumentation.spi.SuperTypeMatchers.classesInheriting;
import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Messaging spans for JMS 1.1 and 2.0 ({@code javax.jms}): sends (also those a JMS 2.0 {@code
 * JMSProducer} makes through its provider's {@code MessageProducer}), receives that return a
 * message, and {@code MessageListener.onMessage}, with the trace context in the message properties.
 * The jakarta module is generated from the javax one at build time (jms/pom.xml).
 */
public final class JmsJavaxModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "jms-javax";

  private static final String PACKAGE = "dev.vireo.instrumentation.jms.javax.";
  private static final String MESSAGE = "javax.jms.Message";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> aliases() {
    return Collections.singletonList("jms");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("javax.jms.MessageProducer", "javax.jms.MessageListener");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        // send(Message[, ...]) to the producer's destination, send(Destination, Message[, ...]); the
        // overloads a provider chains yield one span (nested sends of the same family)
        forTypes(classesInheriting("javax.jms.MessageProducer"))
            .advise(
                methodsNamed("send").and(isPublic()).and(takesArgument(0, named(MESSAGE))),
                PACKAGE + "ProducerSendAdvice")
            .advise(
                methodsNamed("send")
                    .and(isPublic())
                    .and(takesArgument(0, named("javax.jms.Destination")))
                    .and(takesArgument(1, named(MESSAGE))),
                PACKAGE + "ProducerSendToAdvice"),
        // receive(), receive(timeout), receiveNoWait(); setMessageListener (lambda listeners)
        forTypes(classesInheriting("javax.jms.MessageConsumer"))
            .advise(
                methodsNamed("receive").and(isPublic()).and(takesArguments(0)), PACKAGE + "ConsumerReceiveAdvice")
            .advise(
                methodsNamed("receive").and(isPublic()).and(takesArguments(1)).and(takesArgument(0, long.class)),
                PACKAGE + "ConsumerReceiveAdvice")
            .advise(
                methodsNamed("receiveNoWait").and(isPublic()).and(takesArguments(0)), PACKAGE + "ConsumerReceiveAdvice")
            .advise(
                methodsNamed("setMessageListener")
                    .and(isPublic())
                    .and(takesArguments(1))
                    .and(takesArgument(0, named("javax.jms.MessageListener"))),
                PACKAGE + "SetListenerAdvice"),
        forTypes(classesInheriting("javax.jms.MessageListener"))
            .advise(
                methodsNamed("onMessage").and(isPublic()).and(takesArguments(1)).and(takesArgument(0, named(MESSAGE))),
                PACKAGE + "ListenerAdvice"));
  }
}
