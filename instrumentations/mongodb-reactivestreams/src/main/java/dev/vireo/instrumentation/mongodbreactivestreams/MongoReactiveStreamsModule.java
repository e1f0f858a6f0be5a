package dev.vireo.instrumentation.mongodbreactivestreams;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The reactive streams driver runs a command on its own threads, long after the application
 * subscribed: the mongodb module's listener would see no parent there. The driver's own hook for
 * this is a {@code ReactiveContextProvider}, asked for a request context on the subscribing thread
 * and handing it to the command events: every reactive client created without one gets one that
 * captures the current context.
 */
public final class MongoReactiveStreamsModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "mongodb-reactivestreams";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("com.mongodb.reactivestreams.client.ReactiveContextProvider");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    // every create(...) ends in create(MongoClientSettings, MongoDriverInformation)
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named("com.mongodb.reactivestreams.client.MongoClients"))
            .advise(
                named("create")
                    .and(isStatic())
                    .and(takesArguments(2))
                    .and(takesArgument(0, named("com.mongodb.MongoClientSettings"))),
                "dev.vireo.instrumentation.mongodbreactivestreams.CreateClientAdvice"));
  }
}
