package dev.vireo.instrumentation.mongodb;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT spans for MongoDB commands through the driver's own hook: every {@code MongoClientSettings}
 * the application builds (the sync and reactive streams clients both start from one) gets a {@code
 * CommandListener} that starts a span when a command is sent and ends it when its reply (or
 * failure) arrives. No driver internals are touched.
 */
public final class MongoModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "mongodb";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // RequestContext (on command events) exists from driver 4.4 on
    return ClassLoaderMatchers.hasClassesNamed("com.mongodb.MongoClientSettings", "com.mongodb.RequestContext");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("com.mongodb.MongoClientSettings$Builder"))
            .advise(named("build").and(takesArguments(0)), "dev.vireo.instrumentation.mongodb.SettingsBuildAdvice"));
  }
}
