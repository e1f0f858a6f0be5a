package dev.vireo.tooling.install.modulefixture;

import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** An instrumentation module with no instrumentations and one helper package, for class loader tests. */
public final class FixtureModule implements InstrumentationModule {

  @Override
  public String name() {
    return "fixture";
  }

  @Override
  public List<String> helperPackages() {
    return Collections.singletonList("dev.vireo.tooling.install.helperfixture");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.emptyList();
  }
}
