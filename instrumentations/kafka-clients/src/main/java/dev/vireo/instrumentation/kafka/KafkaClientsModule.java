package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Messaging spans for {@code org.apache.kafka:kafka-clients} 2.1+ (producer send, consumer poll,
 * per-record processing), with the trace context carried in the record headers.
 */
public final class KafkaClientsModule implements InstrumentationModule {

  @Override
  public String name() {
    return "kafka-clients";
  }

  @Override
  public List<String> aliases() {
    return Collections.singletonList("kafka");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // Record headers (our carrier) exist since 0.11. Tested from 2.1, the oldest client a Kafka 4 broker serves.
    return ClassLoaderMatchers.hasClassesNamed(
        "org.apache.kafka.clients.producer.KafkaProducer", "org.apache.kafka.common.header.Headers");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new KafkaProducerInstrumentation(), new KafkaConsumerInstrumentation(), new ConsumerRecordsInstrumentation());
  }
}
