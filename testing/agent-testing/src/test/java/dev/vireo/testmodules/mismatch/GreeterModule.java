package dev.vireo.testmodules.mismatch;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.vireo.instrumentation.spi.AdviceTarget;
import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Written for Greeter version 2: its advice calls greetV2(), which version 1 does not have. */
public final class GreeterModule implements InstrumentationModule, TypeInstrumentation {

  @Override
  public String name() {
    return "test-greeter";
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("dev.vireo.testlib.Greeter");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(this);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("dev.vireo.testlib.Greeter");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("greet"), "dev.vireo.testmodules.mismatch.GreeterAdvice");
  }
}
