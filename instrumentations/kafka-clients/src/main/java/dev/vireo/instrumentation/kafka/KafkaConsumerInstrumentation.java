package dev.vireo.instrumentation.kafka;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.AdviceTarget;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code KafkaConsumer}: the constructor every public one delegates to (it has the resolved
 * {@code ConsumerConfig}, hence the group id) and the public {@code poll} methods
 * ({@code poll(Duration)}, and {@code poll(long)} before 4.0; neither calls the other).
 */
final class KafkaConsumerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.kafka.clients.consumer.KafkaConsumer");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        isConstructor().and(takesArgument(0, named("org.apache.kafka.clients.consumer.ConsumerConfig"))),
        "dev.vireo.instrumentation.kafka.ConsumerConstructorAdvice");
    target.applyAdvice(
        named("poll")
            .and(isPublic())
            .and(takesArguments(1))
            .and(returns(named("org.apache.kafka.clients.consumer.ConsumerRecords"))),
        "dev.vireo.instrumentation.kafka.ConsumerPollAdvice");
  }
}
