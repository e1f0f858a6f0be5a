package dev.vireo.instrumentation.jedis;

import java.net.Socket;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisSocketFactory;

/** Around {@code Connection.executeCommand(CommandObject)}: one command, sent and answered. */
public final class ExecuteCommandAdvice {

  private ExecuteCommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Connection connection,
      @Advice.FieldValue("socket") Socket socket,
      @Advice.FieldValue("socketFactory") JedisSocketFactory socketFactory,
      @Advice.Argument(0) CommandObject<?> command) {
    return JedisSpans.startCommand(connection, socket, socketFactory, command);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Connection connection,
      @Advice.FieldValue("socket") Socket socket,
      @Advice.Enter Object call,
      @Advice.Thrown Throwable thrown) {
    JedisSpans.endCommand(call, connection, socket, thrown);
  }
}
