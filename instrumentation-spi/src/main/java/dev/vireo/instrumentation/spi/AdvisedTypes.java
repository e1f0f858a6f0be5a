package dev.vireo.instrumentation.spi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.NameMatcher;

/**
 * A {@link TypeInstrumentation} declared with {@link TypeInstrumentation#forTypes}: the types, and
 * each method matcher with the advice class (by name) it gets, applied in declaration order.
 */
public final class AdvisedTypes implements TypeInstrumentation {

  private final ElementMatcher<TypeDescription> types;
  private final List<ElementMatcher<? super MethodDescription>> methods = new ArrayList<>();
  private final List<String> adviceClassNames = new ArrayList<>();
  private final Set<String> methodNames = new LinkedHashSet<>();
  private boolean everyMethodNamed = true;
  private boolean injectsSlot;
  private ElementMatcher<TypeDescription> typeMatcher;

  AdvisedTypes(ElementMatcher<TypeDescription> types) {
    this.types = types;
  }

  /** The methods {@code methods} matches get the advice class {@code adviceClassName}. */
  public AdvisedTypes advise(ElementMatcher<? super MethodDescription> methods, String adviceClassName) {
    this.methods.add(methods);
    this.adviceClassNames.add(adviceClassName);
    typeMatcher = null;
    if (methods instanceof MethodNames) {
      methodNames.addAll(((MethodNames) methods).names());
    } else {
      everyMethodNamed = false;
    }
    return this;
  }

  /**
   * The matched types also get a slot field as they load, which a {@code
   * VirtualField.createInInjectedSlot()} keyed by them uses instead of its weak map: for state attached
   * to objects created at a high rate (every fork/join task). Types already loaded when the agent starts
   * cannot gain a field, and serializable types without their own {@code serialVersionUID} do not get one
   * (it would change their serialized form); for them the virtual field keeps using its map.
   */
  public AdvisedTypes withInjectedSlot() {
    this.injectsSlot = true;
    typeMatcher = null;
    return this;
  }

  /** {@code named(...)} and {@code namedOneOf(...)} of Byte Buddy's {@code ElementMatchers} are name matchers. */
  @Override
  public boolean matchesByNameOnly() {
    return types instanceof NameMatcher;
  }

  @Override
  public boolean injectsSlot() {
    return injectsSlot;
  }

  /**
   * The declared types, except classes that declare none of the advised methods when every advice was declared with
   * {@link MethodNames}: their advice would change nothing, and the types' own matcher, perhaps a super type walk,
   * is not asked. Such a class gets no slot field either: a field in the injected slot keeps its instances' values in
   * its map, as for classes loaded before the agent.
   */
  @Override
  public synchronized ElementMatcher<TypeDescription> typeMatcher() {
    if (typeMatcher == null) {
      boolean byName = everyMethodNamed && !methods.isEmpty();
      long bits = byName ? MethodNameIndex.shared().bitsOf(methodNames) : 0;
      typeMatcher = bits == 0 ? types : new DeclaringNamedMethods(bits, types, matchesByNameOnly());
    }
    return typeMatcher;
  }

  @Override
  public void transform(AdviceTarget target) {
    for (int i = 0; i < methods.size(); i++) {
      target.applyAdvice(methods.get(i), adviceClassNames.get(i));
    }
  }

  @Override
  public String toString() {
    return "TypeInstrumentation" + adviceClassNames;
  }
}
