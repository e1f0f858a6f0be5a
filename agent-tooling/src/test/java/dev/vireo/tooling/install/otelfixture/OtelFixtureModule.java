package dev.vireo.tooling.install.otelfixture;

import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** A module with an application-facing package (a bridge to the application's OpenTelemetry API). */
public final class OtelFixtureModule implements InstrumentationModule {

  @Override
  public String name() {
    return "otel-fixture";
  }

  @Override
  public List<String> applicationOpenTelemetryPackages() {
    return Collections.singletonList("dev.vireo.tooling.install.otelfixture.application");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.emptyList();
  }
}
