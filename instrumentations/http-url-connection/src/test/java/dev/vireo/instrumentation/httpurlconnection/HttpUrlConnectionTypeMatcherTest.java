package dev.vireo.instrumentation.httpurlconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;

/**
 * The type matcher runs inside class loading. For anything but the JDK's HTTP connections it must decide by name:
 * describing a class further reads class files, and for the jrt: protocol handler that needs the handler itself
 * (a ClassCircularityError in the application).
 */
class HttpUrlConnectionTypeMatcherTest {

  private final ElementMatcher<TypeDescription> matcher =
      new HttpUrlConnectionModule().typeInstrumentations().get(0).typeMatcher();

  @Test
  void otherProtocolClassesAreRejectedByNameAlone() {
    assertThat(matcher.matches(nameOnly("sun.net.www.protocol.jrt.Handler"))).isFalse();
    assertThat(matcher.matches(nameOnly("sun.net.www.protocol.jrt.JavaRuntimeURLConnection"))).isFalse();
    assertThat(matcher.matches(nameOnly("sun.net.www.protocol.http.Handler"))).isFalse();
    assertThat(matcher.matches(nameOnly("sun.net.www.protocol.file.FileURLConnection"))).isFalse();
    assertThat(matcher.matches(nameOnly("sun.net.www.protocol.jar.JarURLConnection"))).isFalse();
  }

  @Test
  void theJdkHttpAndHttpsConnectionsMatch() throws ClassNotFoundException {
    assertThat(matcher.matches(loaded("sun.net.www.protocol.http.HttpURLConnection"))).isTrue();
    assertThat(matcher.matches(loaded("sun.net.www.protocol.https.HttpsURLConnectionImpl"))).isTrue();
    assertThat(matcher.matches(loaded("sun.net.www.protocol.https.DelegateHttpsURLConnection"))).isTrue();
    // abstract: its concrete subclass is the one that runs
    assertThat(matcher.matches(loaded("sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection"))).isFalse();
  }

  private static TypeDescription loaded(String name) throws ClassNotFoundException {
    return TypeDescription.ForLoadedType.of(Class.forName(name, false, null));
  }

  /** A description that knows only its name and fails the test when asked anything else. */
  private static TypeDescription nameOnly(String name) {
    return (TypeDescription)
        Proxy.newProxyInstance(
            HttpUrlConnectionTypeMatcherTest.class.getClassLoader(),
            new Class<?>[] {TypeDescription.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getName":
                case "getActualName":
                case "getTypeName":
                  return name;
                case "toString":
                  return name;
                default:
                  throw new AssertionError("the matcher asked " + name + " for " + method.getName() + "()");
              }
            });
  }
}
