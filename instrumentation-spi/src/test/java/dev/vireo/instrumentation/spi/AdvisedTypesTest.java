package dev.vireo.instrumentation.spi;

import static dev.vireo.instrumentation.spi.MethodNames.methodsNamed;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdvisedTypesTest {

  private static final TypeDescription CONNECTION = TypeDescription.ForLoadedType.of(java.net.HttpURLConnection.class);

  @AfterEach
  void uninstall() {
    TypeHierarchyLookup.Installed.install(null);
  }

  @Test
  void appliesEachAdviceToItsMethodsInDeclarationOrder() throws Exception {
    ElementMatcher.Junction<MethodDescription> connect = named("connect");
    ElementMatcher.Junction<MethodDescription> disconnect = named("disconnect");
    TypeInstrumentation instrumentation =
        TypeInstrumentation.forTypes(named("java.net.HttpURLConnection"))
            .advise(connect, "example.ConnectAdvice")
            .advise(disconnect, "example.DisconnectAdvice");
    List<Object> applied = new ArrayList<>();

    instrumentation.transform(
        new AdviceTarget() {
          @Override
          public AdviceTarget applyAdvice(ElementMatcher<? super MethodDescription> methods, String adviceClassName) {
            applied.add(methods);
            applied.add(adviceClassName);
            return this;
          }
        });

    assertThat(applied).containsExactly(connect, "example.ConnectAdvice", disconnect, "example.DisconnectAdvice");
    assertThat(instrumentation.typeMatcher().matches(TypeDescription.ForLoadedType.of(java.net.HttpURLConnection.class)))
        .isTrue();
    assertThat(instrumentation.typeMatcher().matches(TypeDescription.ForLoadedType.of(String.class))).isFalse();
  }

  @Test
  void withMethodNamesOnlyClassesDeclaringOneOfThemAreMatched() {
    TypeInstrumentation instrumentation =
        TypeInstrumentation.forTypes(named(CONNECTION.getName()))
            .advise(methodsNamed("connect").and(takesArguments(0)), "example.ConnectAdvice")
            .advise(methodsNamed("disconnect"), "example.DisconnectAdvice");
    long[] declared = {0};
    TypeHierarchyLookup.Installed.install(new DeclaredNames(declared));

    assertThat(instrumentation.typeMatcher().matches(CONNECTION)).isFalse();
    declared[0] = MethodNameIndex.shared().bitsOf(Collections.singletonList("disconnect"));
    assertThat(instrumentation.typeMatcher().matches(CONNECTION)).isTrue();
    declared[0] = MethodNameIndex.shared().bitsOf(Collections.singletonList("close")); // another instrumentation's
    assertThat(instrumentation.typeMatcher().matches(CONNECTION)).isFalse();
    declared[0] = -1L; // the lookup cannot tell
    assertThat(instrumentation.typeMatcher().matches(CONNECTION)).isTrue();
  }

  @Test
  void typesDeclaredByNameAreComparedByNameBeforeTheMethodNamesAreRead() {
    TypeInstrumentation instrumentation =
        TypeInstrumentation.forTypes(named(CONNECTION.getName())).advise(methodsNamed("connect"), "example.Advice");
    long[] declared = {MethodNameIndex.shared().bitsOf(Collections.singletonList("connect"))};
    DeclaredNames lookup = new DeclaredNames(declared);
    TypeHierarchyLookup.Installed.install(lookup);

    assertThat(instrumentation.typeMatcher().matches(TypeDescription.ForLoadedType.of(String.class))).isFalse();
    assertThat(lookup.asked).isZero();
    assertThat(instrumentation.typeMatcher().matches(CONNECTION)).isTrue();
    assertThat(lookup.asked).isEqualTo(1);
    declared[0] = 0;
    assertThat(instrumentation.typeMatcher().matches(CONNECTION)).isFalse();
  }

  @Test
  void anAdviceWithoutMethodNamesMeansEveryDeclaredTypeIsMatched() {
    TypeHierarchyLookup.Installed.install(new DeclaredNames(new long[] {0}));
    TypeInstrumentation unnamed =
        TypeInstrumentation.forTypes(named(CONNECTION.getName()))
            .advise(methodsNamed("connect"), "example.ConnectAdvice")
            .advise(named("disconnect"), "example.DisconnectAdvice");

    assertThat(unnamed.typeMatcher().matches(CONNECTION)).isTrue();
  }

  @Test
  void aSlotFieldDoesNotBringBackClassesThatDeclareNoAdvisedMethod() {
    long[] declared = {0};
    TypeHierarchyLookup.Installed.install(new DeclaredNames(declared));
    TypeInstrumentation slot =
        TypeInstrumentation.forTypes(named(CONNECTION.getName()))
            .advise(methodsNamed("connect"), "example.ConnectAdvice")
            .withInjectedSlot();

    // the instances of a class left out keep a slot field's values in its map
    assertThat(slot.typeMatcher().matches(CONNECTION)).isFalse();
    declared[0] = -1L;
    assertThat(slot.typeMatcher().matches(CONNECTION)).isTrue();
    assertThat(slot.injectsSlot()).isTrue();
  }

  /** A lookup that says the class declares the methods of the given bits. */
  private static final class DeclaredNames implements TypeHierarchyLookup {
    private final long[] bits;
    int asked;

    DeclaredNames(long[] bits) {
      this.bits = bits;
    }

    @Override
    public Boolean isClassInheriting(String typeName, Set<String> superTypes, boolean superClassesOnly) {
      return null;
    }

    @Override
    public long declaredMethodNames(String typeName) {
      asked++;
      return bits[0];
    }
  }

  @Test
  void typesDeclaredByNameAreMatchedByNameOnlyWhateverTheAdvice() {
    assertThat(TypeInstrumentation.forTypes(named("java.net.HttpURLConnection")).matchesByNameOnly()).isTrue();
    assertThat(
            TypeInstrumentation.forTypes(namedOneOf("java.net.HttpURLConnection", "java.net.URLConnection"))
                .advise(methodsNamed("connect"), "example.ConnectAdvice")
                .matchesByNameOnly())
        .isTrue();
    assertThat(TypeInstrumentation.forTypes(nameStartsWith("java.net.")).matchesByNameOnly()).isTrue();
  }

  @Test
  void typesDeclaredByTheirSuperTypesOrByNameAndMoreAreNotMatchedByNameOnly() {
    assertThat(TypeInstrumentation.forTypes(hasSuperType(named("java.net.URLConnection"))).matchesByNameOnly())
        .isFalse();
    assertThat(
            TypeInstrumentation.forTypes(named("java.net.HttpURLConnection").and(isPublic()))
                .advise(methodsNamed("connect"), "example.ConnectAdvice")
                .matchesByNameOnly())
        .isFalse();
  }
}
