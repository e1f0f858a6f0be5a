package dev.vireo.smoke.extension.demo;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** A custom instrumentation shipped as an extension: an INTERNAL span around {@code OrderApp.place(String, String)}. */
public final class OrderModule implements InstrumentationModule {

  @Override
  public String name() {
    return "extension-orders";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new TypeInstrumentation() {
      @Override
      public net.bytebuddy.matcher.ElementMatcher<net.bytebuddy.description.type.TypeDescription> typeMatcher() {
        return named("dev.vireo.smoke.apps.OrderApp");
      }

      @Override
      public void transform(dev.vireo.instrumentation.spi.AdviceTarget target) {
        target.applyAdvice(named("place"), "dev.vireo.smoke.extension.demo.PlaceOrderAdvice");
      }
    });
  }
}
