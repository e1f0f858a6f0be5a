package dev.vireo.instrumentation.springkafka;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
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
 * Spring Kafka batch listeners: one CONSUMER {@code process {topic}} span around the listener call,
 * linked to each record's producer. Record listeners need nothing of their own: Spring walks the
 * poll result with its iterator, so the kafka-clients instrumentation's per-record span is current
 * around each listener call.
 */
public final class SpringKafkaModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "spring-kafka";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(
        "org.springframework.kafka.listener.KafkaMessageListenerContainer",
        "org.apache.kafka.clients.consumer.ConsumerRecords");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    // KafkaMessageListenerContainer.ListenerConsumer.invokeBatchListener(ConsumerRecords)
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer"))
            .advise(
                named("invokeBatchListener")
                    .and(takesArguments(1))
                    .and(takesArgument(0, named("org.apache.kafka.clients.consumer.ConsumerRecords"))),
                "dev.vireo.instrumentation.springkafka.BatchListenerAdvice"));
  }
}
