package dev.vireo.instrumentation.spi;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;

class AdvisedTypesTest {

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
}
