package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar is shrunk by ProGuard (agent/shrink.pro, issue 24). The other smoke tests run the shrunk jar; this
 * one checks its size and that every class ProGuard rewrote still passes the JVM's verifier, including the classes
 * no smoke test happens to load.
 */
class ShrunkAgentJarTest {

  private static final String PREFIX = "inst/";
  private static final String SUFFIX = ".classdata";

  @Test
  void jarIsAtMostSixMebibytes() throws IOException {
    assertThat(Files.size(SmokeEnvironment.agentJar())).isLessThanOrEqualTo(6L * 1024 * 1024);
  }

  @Test
  void unusedThirdPartyCodeIsGoneAndTheExtensionApiStays() throws IOException {
    try (ZipFile jar = new ZipFile(SmokeEnvironment.agentJar().toFile())) {
      // Byte Buddy's build-time plugin engine is never used by an agent
      assertThat(jar.getEntry(PREFIX + "net/bytebuddy/build/Plugin$Engine" + SUFFIX)).isNull();
      // what extensions program against stays whole
      assertThat(jar.getEntry(PREFIX + "net/bytebuddy/matcher/ElementMatchers" + SUFFIX)).isNotNull();
      assertThat(jar.getEntry(PREFIX + "io/opentelemetry/sdk/trace/data/SpanData" + SUFFIX)).isNotNull();
      assertThat(jar.getEntry(PREFIX + "dev/vireo/instrumentation/spi/InstrumentationModule" + SUFFIX)).isNotNull();
    }
  }

  @Test
  void everyRewrittenClassPassesTheVerifier() throws IOException, ClassNotFoundException {
    Map<String, byte[]> classes = new HashMap<>();
    try (ZipFile jar = new ZipFile(SmokeEnvironment.agentJar().toFile())) {
      Enumeration<? extends ZipEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        // Vireo's own classes are copied unprocessed; everything else went through ProGuard
        if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && !name.startsWith(PREFIX + "dev/vireo/")) {
          try (InputStream in = jar.getInputStream(entry)) {
            String className = name.substring(PREFIX.length(), name.length() - SUFFIX.length()).replace('/', '.');
            classes.put(className, in.readAllBytes());
          }
        }
      }
    }
    assertThat(classes).hasSizeGreaterThan(3000);

    JarClassesLoader loader = new JarClassesLoader(classes);
    List<String> unverifiable = new ArrayList<>();
    int linked = 0;
    for (String className : classes.keySet()) {
      try {
        // reflection on the declared methods links the class, and linking runs the verifier
        Class.forName(className, false, loader).getDeclaredMethods();
        linked++;
      } catch (VerifyError | ClassFormatError e) {
        unverifiable.add(className + ": " + e);
      } catch (LinkageError e) {
        // an optional dependency that is not in the jar (Conscrypt, Android, the OpenTelemetry incubator API, ...)
      }
    }
    assertThat(unverifiable).isEmpty();
    assertThat(linked).isGreaterThan(classes.size() * 9 / 10);
  }

  /** Defines the jar's classes from their bytes, as the agent's own class loader does. */
  private static final class JarClassesLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    JarClassesLoader(Map<String, byte[]> classes) {
      super(ClassLoader.getPlatformClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
