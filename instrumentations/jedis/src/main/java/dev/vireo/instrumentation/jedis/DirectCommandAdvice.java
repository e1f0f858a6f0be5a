package dev.vireo.instrumentation.jedis;

import net.bytebuddy.asm.Advice;

/**
 * Around the {@code Jedis} methods that write their command with {@code Connection.sendCommand} and
 * read the reply themselves instead of going through {@code executeCommand} ({@code ping},
 * {@code select}): the span starts when the command is sent (see {@link SendCommandAdvice}) and ends here.
 */
public final class DirectCommandAdvice {

  private DirectCommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter() {
    return JedisSpans.expectDirectCommand();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object direct, @Advice.Thrown Throwable thrown) {
    JedisSpans.endDirectCommand(direct, thrown);
  }
}
