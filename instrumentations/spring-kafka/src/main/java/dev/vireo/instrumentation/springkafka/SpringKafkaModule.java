package dev.vireo.instrumentation.springkafka;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.AdviceTarget;
import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring Kafka batch listeners: one CONSUMER {@code process {topic}} span around the listener call,
 * linked to each record's producer. Record listeners need nothing of their own: Spring walks the
 * poll result with its iterator, so the kafka-clients instrumentation's per-record span is current
 * around each listener call.
 */
public final class SpringKafkaModule implements InstrumentationModule {

  @Override
  public String name() {
    return "spring-kafka";
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(
        "org.springframework.kafka.listener.KafkaMessageListenerContainer",
        "org.apache.kafka.clients.consumer.ConsumerRecords");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new ListenerConsumer());
  }

  /** {@code KafkaMessageListenerContainer.ListenerConsumer.invokeBatchListener(ConsumerRecords)}. */
  static final class ListenerConsumer implements TypeInstrumentation {
    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return named("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer");
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(
          named("invokeBatchListener")
              .and(takesArguments(1))
              .and(takesArgument(0, named("org.apache.kafka.clients.consumer.ConsumerRecords"))),
          "dev.vireo.instrumentation.springkafka.BatchListenerAdvice");
    }
  }
}
