package dev.vireo.instrumentation.kafka;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Messaging spans for {@code org.apache.kafka:kafka-clients} 2.1+ (producer send, consumer poll,
 * per-record processing), with the trace context carried in the record headers; and the clients' own
 * metrics exported as the OpenTelemetry agent exports them ({@code metrics.KafkaClientMetrics}).
 */
public final class KafkaClientsModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "kafka-clients";

  private static final String PACKAGE = "dev.vireo.instrumentation.kafka.";

  @Override
  public String name() {
    return NAME;
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
        // send(ProducerRecord, Callback); the one-argument send delegates to it
        forTypes(named("org.apache.kafka.clients.producer.KafkaProducer"))
            .advise(
                named("send")
                    .and(isPublic())
                    .and(takesArguments(2))
                    .and(takesArgument(0, named("org.apache.kafka.clients.producer.ProducerRecord")))
                    .and(takesArgument(1, named("org.apache.kafka.clients.producer.Callback"))),
                PACKAGE + "ProducerSendAdvice"),
        // the constructor every public one delegates to (it has the resolved ConsumerConfig, hence the
        // group id) and the public poll methods (poll(Duration), and poll(long) before 4.0; neither calls
        // the other)
        forTypes(named("org.apache.kafka.clients.consumer.KafkaConsumer"))
            .advise(
                isConstructor().and(takesArgument(0, named("org.apache.kafka.clients.consumer.ConsumerConfig"))),
                PACKAGE + "ConsumerConstructorAdvice")
            .advise(
                named("poll")
                    .and(isPublic())
                    .and(takesArguments(1))
                    .and(returns(named("org.apache.kafka.clients.consumer.ConsumerRecords"))),
                PACKAGE + "ConsumerPollAdvice"),
        // every producer and consumer is made from one of these: its configuration gets the agent's metrics
        // reporter (kafka.producer.*, kafka.consumer.* metrics, as the OpenTelemetry agent exports them)
        forTypes(namedOneOf(
                "org.apache.kafka.clients.producer.ProducerConfig", "org.apache.kafka.clients.consumer.ConsumerConfig"))
            .advise(
                isConstructor().and(takesArgument(0, Map.class).or(takesArgument(0, Properties.class))),
                PACKAGE + "ClientConfigAdvice"),
        // the ways an application walks a poll result: iterator() (also behind for-each and forEach),
        // records(topic) and records(partition); each hands out a wrapper whose iteration opens one
        // process span per record; the poll's consumer waits in the records' own field (ReceiveSpans)
        forTypes(named("org.apache.kafka.clients.consumer.ConsumerRecords"))
            .withInjectedSlot()
            .advise(named("iterator").and(isPublic()).and(takesArguments(0)), PACKAGE + "RecordsIteratorAdvice")
            .advise(
                named("records").and(isPublic()).and(takesArguments(1)).and(takesArgument(0, String.class)),
                PACKAGE + "TopicRecordsAdvice")
            .advise(
                named("records")
                    .and(isPublic())
                    .and(takesArguments(1))
                    .and(takesArgument(0, named("org.apache.kafka.common.TopicPartition"))),
                PACKAGE + "PartitionRecordsAdvice"));
  }
}
