package dev.vireo.instrumentation.hikaricp;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On {@code HikariPool.setMetricsTrackerFactory(factory)}: the pool gets a factory whose trackers record the pool's
 * metrics and call the application's ({@link PoolMetricsTrackers}); a null array (a failure) leaves it as it is.
 */
public final class SetMetricsTrackerFactoryAdvice {

  private SetMetricsTrackerFactoryAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@ToArgument(value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
  public static Object[] enter(@Advice.This HikariPool pool, @Advice.Argument(0) MetricsTrackerFactory factory) {
    return PoolMetricsTrackers.wrap(pool, factory);
  }
}
