package dev.vireo.tooling.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClassHeaderTest {

  /** Long and double constants take two constant pool slots; a lambda brings method handles and indy entries. */
  static final class WideConstants implements Runnable, Serializable {
    static final long BIG = 0x1234_5678_9ABC_DEF0L;
    static final double PI_ISH = 3.14159265358979;
    final Supplier<String> lambda = () -> "x" + BIG + PI_ISH;

    @Override
    public void run() {
      lambda.get();
    }
  }

  static class Ünïcödé<T> extends ArrayList<T> {} // a name outside ASCII, as modified UTF-8

  @Test
  void readsTheSameHierarchyAsReflectionForJdkAndProjectClasses() throws IOException {
    List<Class<?>> classes =
        Arrays.asList(
            Object.class,
            String.class,
            ArrayList.class,
            ConcurrentHashMap.class,
            Runnable.class,
            Override.class,
            Thread.State.class,
            WideConstants.class,
            Ünïcödé.class,
            ClassHeaderTest.class);
    for (Class<?> type : classes) {
      ClassHeader header = ClassHeader.parse(classFile(type));
      assertThat(header.isInterface).as(type.getName()).isEqualTo(type.isInterface());
      // an interface's class file names Object as its super class, where reflection says null
      String expectedSuper =
          type.isInterface() ? "java.lang.Object" : type.getSuperclass() == null ? null : type.getSuperclass().getName();
      assertThat(header.superName).as(type.getName()).isEqualTo(expectedSuper);
      assertThat(header.interfaceNames)
          .as(type.getName())
          .containsExactlyElementsOf(
              Arrays.stream(type.getInterfaces()).map(Class::getName).collect(Collectors.toList()));
    }
  }

  @Test
  void refusesWhatIsNotAWholeClassFileHeader() throws IOException {
    byte[] bytes = classFile(WideConstants.class);
    assertThatThrownBy(() -> ClassHeader.parse(Arrays.copyOf(bytes, 40)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClassHeader.parse(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static byte[] classFile(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    ClassLoader loader = type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
