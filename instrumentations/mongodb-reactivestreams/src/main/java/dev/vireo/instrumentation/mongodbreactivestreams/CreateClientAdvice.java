package dev.vireo.instrumentation.mongodbreactivestreams;

import com.mongodb.MongoClientSettings;
import net.bytebuddy.asm.Advice;

/** Before {@code MongoClients.create(settings, driverInformation)}: settings with a context-capturing provider. */
public final class CreateClientAdvice {

  private CreateClientAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  public static MongoClientSettings enter(@Advice.Argument(0) MongoClientSettings settings) {
    return ContextCapturingProvider.addTo(settings);
  }
}
