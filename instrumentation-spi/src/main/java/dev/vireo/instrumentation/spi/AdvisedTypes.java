package dev.vireo.instrumentation.spi;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A {@link TypeInstrumentation} declared with {@link TypeInstrumentation#forTypes}: the types, and
 * each method matcher with the advice class (by name) it gets, applied in declaration order.
 */
public final class AdvisedTypes implements TypeInstrumentation {

  private final ElementMatcher<TypeDescription> types;
  private final List<ElementMatcher<? super MethodDescription>> methods = new ArrayList<>();
  private final List<String> adviceClassNames = new ArrayList<>();
  private boolean injectsSlot;

  AdvisedTypes(ElementMatcher<TypeDescription> types) {
    this.types = types;
  }

  /** The methods {@code methods} matches get the advice class {@code adviceClassName}. */
  public AdvisedTypes advise(ElementMatcher<? super MethodDescription> methods, String adviceClassName) {
    this.methods.add(methods);
    this.adviceClassNames.add(adviceClassName);
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
    return this;
  }

  @Override
  public boolean injectsSlot() {
    return injectsSlot;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return types;
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
