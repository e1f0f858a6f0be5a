package dev.vireo.tooling.install;

import static dev.vireo.instrumentation.spi.MethodNames.methodsNamed;
import static net.bytebuddy.matcher.ElementMatchers.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.instrumentation.spi.MethodNameIndex;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
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

  /** Names "execute" three times (a call, a string constant, a field's constant value) but declares no such method. */
  static final class CallsExecute {
    @Deprecated static final String CONSTANT = "execute";
    final String text = "run";

    void submit(Executor executor) {
      executor.execute(() -> text.length());
    }
  }

  private static final String[] ADVISED_NAMES = {"run", "execute", "get", "put", "size", "toString", "submit"};

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

  @Test
  void findsTheNamesOfDeclaredMethodsAsReflectionDoesNotTheOtherUsesOfThem() throws IOException {
    TypeInstrumentation.forTypes(any()).advise(methodsNamed(ADVISED_NAMES), "example.Advice").typeMatcher();
    MethodNameIndex.Table table = MethodNameIndex.table();
    for (Class<?> type :
        Arrays.asList(
            WideConstants.class, CallsExecute.class, Ünïcödé.class, String.class, ConcurrentHashMap.class,
            Object.class)) {
      long expected = 0;
      for (Method method : type.getDeclaredMethods()) {
        expected |= bit(table, method.getName());
      }
      assertThat(ClassHeader.declaredMethodNames(classFile(type), table)).as(type.getName()).isEqualTo(expected);
    }
    long declaredByCallsExecute = ClassHeader.declaredMethodNames(classFile(CallsExecute.class), table);
    assertThat(declaredByCallsExecute).isEqualTo(bit(table, "submit"));
    assertThat(ClassHeader.declaredMethodNames(classFile(WideConstants.class), table)).isEqualTo(bit(table, "run"));
    assertThatThrownBy(() -> ClassHeader.declaredMethodNames(Arrays.copyOf(classFile(CallsExecute.class), 200), table))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static long bit(MethodNameIndex.Table table, String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    return table.bitOf(bytes, 0, bytes.length);
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
