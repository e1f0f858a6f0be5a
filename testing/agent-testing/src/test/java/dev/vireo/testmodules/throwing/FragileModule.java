package dev.vireo.testmodules.throwing;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import dev.vireo.instrumentation.spi.AdviceTarget;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** A broken instrumentation: its advice throws on enter and on exit. */
public final class FragileModule implements InstrumentationModule, TypeInstrumentation {

  @Override
  public String name() {
    return "test-fragile";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(this);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("dev.vireo.testlib.Fragile");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(namedOneOf("twice", "failing"), "dev.vireo.testmodules.throwing.ThrowingAdvice");
  }
}
