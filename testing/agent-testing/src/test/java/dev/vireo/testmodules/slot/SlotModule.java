package dev.vireo.testmodules.slot;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** Declares a slot on {@code SlottedTask} and marks each task that ran in it. */
public final class SlotModule implements InstrumentationModule {

  @Override
  public String name() {
    return "test-slot";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        forTypes(named("dev.vireo.testlib.SlottedTask"))
            .withInjectedSlot()
            .advise(named("run"), "dev.vireo.testmodules.slot.RanAdvice"));
  }
}
