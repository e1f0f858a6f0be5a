package dev.vireo.testing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.testlib.Greeter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.implementation.FixedValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A module written against version 2 of a library meets version 1 (which lacks a method the module
 * calls): the module is skipped for that class loader with one DEBUG line, the library works
 * untouched, and the same module still applies where version 2 is loaded.
 */
@ExtendWith(AgentTestingExtension.class)
class LibraryVersionMismatchTest {

  @Test
  void moduleIsSkippedWhereTheLibraryVersionDoesNotFit() throws Exception {
    byte[] greeterV1 =
        new ByteBuddy()
            .subclass(Object.class)
            .name("dev.vireo.testlib.Greeter")
            .defineMethod("greet", String.class, Visibility.PUBLIC)
            .withParameters(String.class)
            .intercept(FixedValue.value("v1 hello"))
            .make()
            .getBytes();
    ClassLoader version1 = new SingleClassLoader("dev.vireo.testlib.Greeter", greeterV1);

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    VireoLog.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
    VireoLog.configure(true, true);
    Object result;
    try {
      Class<?> greeterClass = Class.forName("dev.vireo.testlib.Greeter", true, version1);
      Object greeter = greeterClass.getConstructor().newInstance();
      Method greet = greeterClass.getMethod("greet", String.class);
      result = greet.invoke(greeter, "ada");
    } finally {
      VireoLog.configure(false, true);
      VireoLog.redirect(System.err);
    }

    assertThat(result).isEqualTo("v1 hello");
    assertThat(AgentTesting.spans()).isEmpty();
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("instrumentation 'test-greeter' skipped for")
        .contains("method dev.vireo.testlib.Greeter#greetV2()Ljava.lang.String;");

    // Version 2 (the test class path) is instrumented by the same module.
    assertThat(new Greeter().greet("ada")).isEqualTo("hello ada");
    assertThat(AgentTesting.waitForSpans(1).trace(0).get(0).getName()).isEqualTo("greeted v2");
  }

  /** A class loader holding one class, over the platform loader: sees the JDK only. */
  private static final class SingleClassLoader extends ClassLoader {
    private final String name;
    private final byte[] bytes;

    SingleClassLoader(String name, byte[] bytes) {
      super(ClassLoader.getPlatformClassLoader());
      this.name = name;
      this.bytes = bytes;
    }

    @Override
    protected Class<?> findClass(String className) throws ClassNotFoundException {
      if (className.equals(name)) {
        return defineClass(className, bytes, 0, bytes.length);
      }
      throw new ClassNotFoundException(className);
    }

    @Override
    public java.net.URL getResource(String resource) {
      // lets hasClassesNamed(...) see the class without loading it
      if (resource.equals(name.replace('.', '/') + ".class")) {
        try {
          return new java.net.URL("file:/in-memory/" + resource);
        } catch (java.net.MalformedURLException e) {
          throw new IllegalStateException(e);
        }
      }
      return super.getResource(resource);
    }

    @Override
    public java.io.InputStream getResourceAsStream(String resource) {
      if (resource.equals(name.replace('.', '/') + ".class")) {
        return new java.io.ByteArrayInputStream(bytes);
      }
      return super.getResourceAsStream(resource);
    }
  }
}
