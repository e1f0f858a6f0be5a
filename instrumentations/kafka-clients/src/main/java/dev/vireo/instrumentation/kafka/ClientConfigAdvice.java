package dev.vireo.instrumentation.kafka;

import dev.vireo.instrumentation.kafka.metrics.MetricReporterConfigs;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Before a {@code ProducerConfig} or {@code ConsumerConfig} is made from a map or properties: the configuration gets
 * the agent's metrics reporter ({@link MetricReporterConfigs}); a null array leaves it as it is.
 */
public final class ClientConfigAdvice {

  private ClientConfigAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@ToArgument(value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
  public static Object[] enter(@Advice.Argument(0) Object configs) {
    return MetricReporterConfigs.withReporter(configs);
  }
}
