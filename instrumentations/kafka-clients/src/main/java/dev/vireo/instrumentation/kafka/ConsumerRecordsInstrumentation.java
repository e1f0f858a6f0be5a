package dev.vireo.instrumentation.kafka;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.AdviceTarget;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The ways an application walks a poll result: {@code iterator()} (also behind for-each and
 * {@code forEach}), {@code records(topic)} and {@code records(partition)}. Each hands out a wrapper
 * whose iteration opens one process span per record.
 */
final class ConsumerRecordsInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.kafka.clients.consumer.ConsumerRecords");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("iterator").and(isPublic()).and(takesArguments(0)),
        "dev.vireo.instrumentation.kafka.RecordsIteratorAdvice");
    target.applyAdvice(
        named("records").and(isPublic()).and(takesArguments(1)).and(takesArgument(0, String.class)),
        "dev.vireo.instrumentation.kafka.TopicRecordsAdvice");
    target.applyAdvice(
        named("records")
            .and(isPublic())
            .and(takesArguments(1))
            .and(takesArgument(0, named("org.apache.kafka.common.TopicPartition"))),
        "dev.vireo.instrumentation.kafka.PartitionRecordsAdvice");
  }
}
