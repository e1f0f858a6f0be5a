package dev.vireo.instrumentation.spi;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** The types one piece of advice applies to, and which methods of them get which advice. */
public interface TypeInstrumentation {

  ElementMatcher<TypeDescription> typeMatcher();

  void transform(AdviceTarget target);
}
