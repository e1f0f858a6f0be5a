package dev.vireo.tooling.install;

import static dev.vireo.instrumentation.spi.MethodNames.methodsNamed;
import static net.bytebuddy.matcher.ElementMatchers.any;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.spi.MethodNameIndex;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClassHeaderHierarchyTest {

  interface Task extends Runnable {}

  abstract static class BaseTask implements Task {}

  static class ConcreteTask extends BaseTask implements Closeable {
    @Override
    public void run() {}

    @Override
    public void close() {}
  }

  static class Unrelated {}

  private final ClassHeaderHierarchy hierarchy = new ClassHeaderHierarchy();
  private final ClassLoader loader = getClass().getClassLoader();

  @AfterEach
  void exit() {
    hierarchy.exit();
  }

  private Boolean inherits(Class<?> type, boolean superClassesOnly, String... superTypes) {
    hierarchy.enter(type.getName(), ClassFileLocator.ForClassLoader.of(loader), loader);
    Set<String> names = new HashSet<>(Arrays.asList(superTypes));
    return hierarchy.isClassInheriting(type.getName(), names, superClassesOnly);
  }

  @Test
  void findsInterfacesThroughSuperClassesAndSuperInterfaces() {
    assertThat(inherits(ConcreteTask.class, false, "java.lang.Runnable")).isTrue();
    assertThat(inherits(ConcreteTask.class, false, Callable.class.getName(), "java.lang.AutoCloseable")).isTrue();
    assertThat(inherits(BaseTask.class, false, Task.class.getName())).isTrue();
    assertThat(inherits(Unrelated.class, false, "java.lang.Runnable")).isFalse();
  }

  @Test
  void theTypeItselfCountsButInterfacesNeverMatch() {
    assertThat(inherits(ConcreteTask.class, false, ConcreteTask.class.getName())).isTrue();
    assertThat(inherits(Task.class, false, "java.lang.Runnable")).isFalse();
  }

  @Test
  void superClassesOnlyIgnoresInterfaces() {
    assertThat(inherits(ConcreteTask.class, true, BaseTask.class.getName())).isTrue();
    assertThat(inherits(ConcreteTask.class, true, "java.lang.Runnable")).isFalse();
    assertThat(inherits(ConcreteTask.class, true, Task.class.getName())).isFalse();
  }

  @Test
  void cannotTellAboutAnyTypeButTheOneBeingTransformed() {
    hierarchy.enter(ConcreteTask.class.getName(), ClassFileLocator.ForClassLoader.of(loader), loader);
    Set<String> runnable = new HashSet<>(Arrays.asList("java.lang.Runnable"));
    assertThat(hierarchy.isClassInheriting(BaseTask.class.getName(), runnable, false)).isNull();
    hierarchy.exit();
    assertThat(hierarchy.isClassInheriting(ConcreteTask.class.getName(), runnable, false)).isNull();
  }

  @Test
  void whileInstallingAnswersForTheClassesLoadedBeforeFromTheClassesThemselves() {
    Set<String> runnable = new HashSet<>(Arrays.asList("java.lang.Runnable"));
    hierarchy.preloaded().use(Object.class, Runnable.class, Task.class, BaseTask.class, ConcreteTask.class);

    assertThat(hierarchy.isClassInheriting(ConcreteTask.class.getName(), runnable, false)).isTrue();
    assertThat(hierarchy.isClassInheriting(Unrelated.class.getName(), runnable, false)).isNull(); // not loaded then

    hierarchy.preloaded().forget();
    assertThat(hierarchy.isClassInheriting(ConcreteTask.class.getName(), runnable, false)).isNull();
  }

  @Test
  void leavesTheAnswerToByteBuddyWhenTheClassFileIsMissing() {
    hierarchy.enter("no.such.Type", ClassFileLocator.ForClassLoader.of(loader), loader);
    assertThat(hierarchy.isClassInheriting("no.such.Type", new HashSet<>(Arrays.asList("x.Y")), false)).isNull();
  }

  @Test
  void aMissingSuperTypeEndsOnlyItsOwnBranch() throws Exception {
    // BaseTask's class file cannot be found: the Closeable branch still answers
    Map<String, byte[]> classFiles = new HashMap<>();
    for (Class<?> type : Arrays.asList(ConcreteTask.class, Closeable.class, AutoCloseable.class)) {
      classFiles.put(type.getName(), ClassFileLocator.ForClassLoader.read(type));
    }
    hierarchy.enter(ConcreteTask.class.getName(), new ClassFileLocator.Simple(classFiles), new ClassLoader(null) {});
    Set<String> names = new HashSet<>(Arrays.asList("java.lang.AutoCloseable", "java.lang.Runnable"));
    assertThat(hierarchy.isClassInheriting(ConcreteTask.class.getName(), names, false)).isTrue();
    names.remove("java.lang.AutoCloseable");
    assertThat(hierarchy.isClassInheriting(ConcreteTask.class.getName(), names, false)).isFalse();
  }

  @Test
  void readsTheDeclaredMethodNamesOfTheClassBeingTransformedOnlyWithoutReadingItsSuperTypes() {
    TypeInstrumentation.forTypes(any()).advise(methodsNamed("run", "close", "call"), "example.Advice").typeMatcher();
    MethodNameIndex.Table table = MethodNameIndex.table();
    hierarchy.enter(ConcreteTask.class.getName(), ClassFileLocator.ForClassLoader.of(loader), loader);

    assertThat(hierarchy.declaredMethodNames(ConcreteTask.class.getName()))
        .isEqualTo(bit(table, "run") | bit(table, "close"));
    assertThat(hierarchy.declaredMethodNames(BaseTask.class.getName())).isEqualTo(-1L); // not the class transformed
    assertThat(hierarchy.size(loader)).isZero();

    hierarchy.enter(Unrelated.class.getName(), ClassFileLocator.ForClassLoader.of(loader), loader);
    assertThat(hierarchy.declaredMethodNames(Unrelated.class.getName())).isZero();
  }

  private static long bit(MethodNameIndex.Table table, String name) {
    return table.bitOf(name.getBytes(StandardCharsets.US_ASCII), 0, name.length());
  }
}
