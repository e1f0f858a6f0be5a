package dev.vireo.instrumentation.mongodb;

import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import java.util.List;
import net.bytebuddy.asm.Advice;

/** Before {@code MongoClientSettings.Builder.build()}: the tracing listener joins the builder's listeners. */
public final class SettingsBuildAdvice {

  private SettingsBuildAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(
      @Advice.This MongoClientSettings.Builder builder,
      @Advice.FieldValue("commandListeners") List<CommandListener> listeners) {
    TracingCommandListener.addTo(builder, listeners);
  }
}
