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

  /** Where the agent's own classes are, stored without their {@code .class} extension. */
  private static final String PREFIX = "i/";

  /** Half of G1's smallest region: an array this large or larger takes a region of its own. */
  private static final long HALF_A_G1_REGION = 512 * 1024;

  @Test
  void jarIsAtMostSixMebibytes() throws IOException {
    assertThat(Files.size(SmokeEnvironment.agentJar())).isLessThanOrEqualTo(6L * 1024 * 1024);
  }

  /**
   * The JDK keeps a jar's central directory on the heap in one byte array while the jar is open, and the application
   * class loader opens the agent jar too (it is on the class path): from half a G1 region on, that array takes a
   * whole region (1 MiB with heaps under 4 GiB). Short entry names and no directory entries keep it below; a jar
   * that grows past it needs shorter names or fewer entries again.
   */
  @Test
  void centralDirectoryStaysBelowHalfAG1Region() throws IOException {
    assertThat(centralDirectorySize(Files.readAllBytes(SmokeEnvironment.agentJar()))).isLessThan(HALF_A_G1_REGION);
  }

  /** The "size of the central directory" field of the end of central directory record. */
  private static long centralDirectorySize(byte[] jar) {
    for (int at = jar.length - 22; at >= Math.max(0, jar.length - 22 - 65535); at--) {
      if (jar[at] == 0x50 && jar[at + 1] == 0x4b && jar[at + 2] == 0x05 && jar[at + 3] == 0x06) {
        return (jar[at + 12] & 0xffL) | (jar[at + 13] & 0xffL) << 8 | (jar[at + 14] & 0xffL) << 16
            | (jar[at + 15] & 0xffL) << 24;
      }
    }
    throw new AssertionError("no end of central directory record");
  }

  @Test
  void unusedThirdPartyCodeIsGoneAndTheExtensionApiStays() throws IOException {
    try (ZipFile jar = new ZipFile(SmokeEnvironment.agentJar().toFile())) {
      // Byte Buddy's build-time plugin engine is never used by an agent
      assertThat(jar.getEntry(PREFIX + "net/bytebuddy/build/Plugin$Engine")).isNull();
      // what extensions program against stays whole
      assertThat(jar.getEntry(PREFIX + "net/bytebuddy/matcher/ElementMatchers")).isNotNull();
      assertThat(jar.getEntry(PREFIX + "io/opentelemetry/sdk/trace/data/SpanData")).isNotNull();
      assertThat(jar.getEntry(PREFIX + "dev/vireo/instrumentation/spi/InstrumentationModule")).isNotNull();
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
        if (isClassEntry(name)) {
          byte[] bytes;
          try (InputStream in = jar.getInputStream(entry)) {
            bytes = in.readAllBytes();
          }
          assertThat(bytes).as("a class file: %s", name).startsWith(0xca, 0xfe, 0xba, 0xbe);
          if (!name.startsWith(PREFIX + "dev/vireo/")) {
            classes.put(name.substring(PREFIX.length()).replace('/', '.'), bytes);
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

  /** As the agent class loader tells them: below the prefix, outside META-INF, no extension. */
  private static boolean isClassEntry(String name) {
    return name.startsWith(PREFIX) && !name.startsWith(PREFIX + "META-INF/") && !name.endsWith("/")
        && name.indexOf('.', name.lastIndexOf('/') + 1) < 0;
  }
}
