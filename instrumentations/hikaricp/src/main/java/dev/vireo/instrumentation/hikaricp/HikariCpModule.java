package dev.vireo.instrumentation.hikaricp;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
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
 * HikariCP 3 to 7: each pool's metrics of the database client conventions ({@code db.client.connection.*}), through
 * the metrics tracker the pool reports to ({@link PoolMetricsTrackers}). A tracker the application set is kept and
 * still called.
 */
public final class HikariCpModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "hikaricp";

  @Override
  public String name() {
    return NAME;
  }

  /** The OpenTelemetry agent's name for its module. */
  @Override
  public List<String> aliases() {
    return Collections.singletonList("hikaricp-3.0");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // the tracker API; a version without what the module calls (a statistic HikariCP 3 added) fails the module's
    // reference check and is left alone
    return ClassLoaderMatchers.hasClassesNamed(
        "com.zaxxer.hikari.metrics.IMetricsTracker", "com.zaxxer.hikari.metrics.MetricsTrackerFactory");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    // every pool calls it in its constructor, with the configured factory or null
    return Collections.singletonList(
        forTypes(named("com.zaxxer.hikari.pool.HikariPool"))
            .advise(
                named("setMetricsTrackerFactory")
                    .and(takesArguments(1))
                    .and(takesArgument(0, named("com.zaxxer.hikari.metrics.MetricsTrackerFactory"))),
                "dev.vireo.instrumentation.hikaricp.SetMetricsTrackerFactoryAdvice"));
  }
}
