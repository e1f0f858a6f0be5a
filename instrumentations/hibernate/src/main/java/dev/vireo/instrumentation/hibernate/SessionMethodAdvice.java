package dev.vireo.instrumentation.hibernate;

import dev.vireo.instrumentation.api.CurrentSpanCall;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Around a session operation ({@code find}, {@code persist} ...): the logic is in {@link HibernateSpans}. */
public final class SessionMethodAdvice {

  private SessionMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.This Object session,
      @Advice.Origin("#m") String method,
      @Advice.Origin("#d") String descriptor,
      @Advice.Argument(value = 0, optional = true, typing = Assigner.Typing.DYNAMIC) Object arg0,
      @Advice.Argument(value = 1, optional = true, typing = Assigner.Typing.DYNAMIC) Object arg1) {
    return HibernateSpans.OPERATIONS.startSessionOperation(session, method, descriptor, arg0, arg1);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object operation, @Advice.Thrown Throwable thrown) {
    CurrentSpanCall.endIfStarted(operation, thrown);
  }
}
