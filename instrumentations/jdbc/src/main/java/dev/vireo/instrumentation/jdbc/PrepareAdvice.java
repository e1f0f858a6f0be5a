package dev.vireo.instrumentation.jdbc;

import net.bytebuddy.asm.Advice;

/** After {@code Connection.prepareStatement/prepareCall(sql, ...)}: remembers the SQL of the statement. */
public final class PrepareAdvice {

  private PrepareAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Argument(0) String sql, @Advice.Return Object statement) {
    StatementSpans.prepared(statement, sql);
  }
}
