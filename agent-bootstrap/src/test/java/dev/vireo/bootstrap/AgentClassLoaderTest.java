package dev.vireo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentClassLoaderTest {

  /** Classes stored in the test's agent jar, as the real jar stores the agent's own. */
  private static final List<Class<?>> STORED = new ArrayList<>();

  static {
    STORED.add(First.class);
    STORED.add(Second.class);
    STORED.add(Third.class);
    STORED.add(Fourth.class);
  }

  @TempDir Path directory;

  private AgentClassLoader loader;

  @BeforeEach
  void writeJar() throws IOException {
    File jar = directory.resolve("agent.jar").toFile();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar.toPath()))) {
      for (Class<?> type : STORED) {
        out.putNextEntry(new JarEntry(AgentClassLoader.classEntryName(type.getName())));
        out.write(classFile(type));
        out.closeEntry();
      }
      // resources keep their names: never listed as classes
      String[] resources = {"META-INF/services/dev.vireo.Example", "dev/vireo/bootstrap/version.properties"};
      for (String resource : resources) {
        out.putNextEntry(new JarEntry(AgentClassLoader.PREFIX + resource));
        out.write(resource.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    loader = new AgentClassLoader(jar);
  }

  @Test
  void definesTheStoredClassesItself() throws Exception {
    Class<?> loaded = loader.loadClass(First.class.getName());

    assertThat(loaded).isNotSameAs(First.class);
    assertThat(loaded.getClassLoader()).isSameAs(loader);
    assertThat(loaded.getDeclaredConstructor().newInstance().toString()).isEqualTo("first");
  }

  @Test
  void isParallelCapable() {
    assertThat(loader.isRegisteredAsParallelCapable()).isTrue();
  }

  @Test
  void threadsLoadingItsClassesAtOnceEachGetTheOneClassOfAName() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Class<?>>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String name = STORED.get(i % STORED.size()).getName();
        results.add(threads.submit((Callable<Class<?>>) () -> loader.loadClass(name)));
      }
      for (int i = 0; i < results.size(); i++) {
        Class<?> loaded = results.get(i).get();
        assertThat(loaded.getClassLoader()).isSameAs(loader);
        assertThat(loaded).isSameAs(results.get(i % STORED.size()).get());
      }
      assertThat(loader.namesBeingLoaded()).isZero();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void keepsNoLockOnceANameIsLoaded() throws Exception {
    for (Class<?> type : STORED) {
      loader.loadClass(type.getName());
    }
    assertThat(loader.loadClass("java.util.ArrayList")).isSameAs(ArrayList.class);
    assertThatThrownBy(() -> loader.loadClass("dev.vireo.bootstrap.NotInTheJar"))
        .isInstanceOf(ClassNotFoundException.class);

    assertThat(loader.namesBeingLoaded()).isZero();
  }

  @Test
  void holdsNoClassNameForGoodOnceItsClassIsDefined() throws Exception {
    String name = new String(Second.class.getName().toCharArray());
    WeakReference<String> asked = new WeakReference<>(name);

    assertThat(loader.loadClass(name).getClassLoader()).isSameAs(loader);
    name = null;
    collectGarbage(asked);

    // ClassLoader's own per-name locks (getClassLoadingLock) would hold the name as long as the loader lives
    assertThat(asked.get()).isNull();
  }

  @Test
  void listsClassNamesUnderAPackageAgainAfterForgettingThem() {
    String packagePath = "dev/vireo/bootstrap/";
    List<String> before = loader.classNamesUnder(packagePath);

    loader.forgetClassNames();

    assertThat(before).hasSize(STORED.size()).contains(First.class.getName(), Fourth.class.getName());
    assertThat(loader.classNamesUnder(packagePath)).isEqualTo(before);
  }

  @Test
  void servesClassFilesAsClassResourcesAndOtherResourcesByTheirNames() throws IOException {
    String classFile = First.class.getName().replace('.', '/') + ".class";
    try (InputStream in = loader.getResourceAsStream(classFile)) {
      assertThat(in).isNotNull();
      assertThat(AgentClassLoader.readAll(in)).isEqualTo(classFile(First.class));
    }
    try (InputStream in = loader.getResourceAsStream("dev/vireo/bootstrap/version.properties")) {
      assertThat(in).isNotNull();
    }
    assertThat(loader.getResource("META-INF/services/dev.vireo.Example")).isNotNull();
  }

  @Test
  void classEntriesAreTheNamesWithoutExtensionOutsideMetaInf() {
    assertThat(AgentClassLoader.isClassEntry("i/net/bytebuddy/ByteBuddy")).isTrue();
    assertThat(AgentClassLoader.isClassEntry("i/a/b/Outer$Inner")).isTrue();
    assertThat(AgentClassLoader.isClassEntry("i/io/opentelemetry/api/version.properties")).isFalse();
    assertThat(AgentClassLoader.isClassEntry("i/META-INF/services/dev.vireo.instrumentation.spi.InstrumentationModule"))
        .isFalse();
    assertThat(AgentClassLoader.isClassEntry("i/META-INF/licenses/ASM")).isFalse();
    assertThat(AgentClassLoader.isClassEntry("i/net/bytebuddy/")).isFalse();
    assertThat(AgentClassLoader.isClassEntry("dev/vireo/bootstrap/VireoAgent.class")).isFalse();
  }

  @Test
  void forgettingTheClassNamesLetsTheListingBeCollected() throws InterruptedException {
    WeakReference<String> listed = new WeakReference<>(loader.classNamesUnder("dev/vireo/bootstrap/").get(0));
    WeakReference<String> kept = new WeakReference<>(loader.classNamesUnder("dev/vireo/bootstrap/").get(0));

    collectGarbage(kept);
    assertThat(kept.get()).as("held by the listing until it is forgotten").isNotNull();

    loader.forgetClassNames();
    collectGarbage(listed);
    assertThat(listed.get()).isNull();
  }

  /** Until {@code reference} is cleared or ten collections have run. */
  private static void collectGarbage(WeakReference<?> reference) throws InterruptedException {
    for (int i = 0; i < 10 && reference.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    try (InputStream in = AgentClassLoaderTest.class.getClassLoader().getResourceAsStream(resource)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  public static final class First {
    @Override
    public String toString() {
      return "first";
    }
  }

  public static final class Second {}

  public static final class Third {}

  public static final class Fourth {}
}
