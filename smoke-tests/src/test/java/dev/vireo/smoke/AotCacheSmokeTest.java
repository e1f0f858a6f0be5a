package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.smoke.apps.HttpCallApp;
import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDK 25's AOT cache with the agent attached: the training run ({@code -XX:AOTCacheOutput}) changes no class, writes
 * the cache and exits normally (HotSpot crashed writing it when the agent had retransformed {@code java.lang.Thread}),
 * and a run that uses the cache is traced.
 */
class AotCacheSmokeTest {

  @TempDir Path dir;

  @Test
  void aTrainingRunWritesTheCacheAndARunWithItIsTraced() throws Exception {
    Path temurin = Paths.get(System.getProperty("vireo.temurin25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    assertThat(Files.isExecutable(temurin.resolve("bin/java"))).as("Temurin 25 at " + temurin).isTrue();
    Path app = appJar(); // an AOT cache takes class path entries from jars only
    Path cache = dir.resolve("app.aot");
    try (OtlpReceiver receiver = OtlpReceiver.open();
        RecordingServer server = new RecordingServer()) {
      try (ForkedJvm training = run(temurin, app, receiver, server.url("/training"), "-XX:AOTCacheOutput=" + cache)) {
        assertThat(training.waitFor(Duration.ofSeconds(120))).as(String.join("\n", training.stderr())).isZero();
        assertThat(training.stdout()).contains("STATUS 200", "DONE");
        assertThat(training.output())
            .anyMatch(line -> line.contains("INFO this JVM writes an AOT cache or CDS archive"))
            .anyMatch(line -> line.contains("AOTCache creation is complete"))
            // the JVM names each class it leaves out of the cache because an agent changed it
            .noneMatch(line -> line.contains("From ClassFileLoadHook"));
      }
      assertThat(cache).isRegularFile();
      // nothing was instrumented: the call went out untraced (the JVM has exited, its export flushed)
      assertThat(server.traceparents.get("/training")).containsExactly("");
      assertThat(receiver.spans()).isEmpty();

      try (ForkedJvm withCache = run(temurin, app, receiver, server.url("/cached"), "-XX:AOTCache=" + cache)) {
        assertThat(withCache.waitFor(Duration.ofSeconds(60))).as(String.join("\n", withCache.stderr())).isZero();
        assertThat(withCache.output()).noneMatch(line -> line.contains("[error][aot]"));
      }
      List<ReceivedSpan> spans = receiver.awaitSpans(s -> !s.isEmpty(), Duration.ofSeconds(10));
      assertThat(spans).hasSize(1);
      assertThat(spans.get(0).kind()).isEqualTo("CLIENT");
      assertThat(spans.get(0).name()).isEqualTo("GET");
      assertThat(server.traceparents.get("/cached"))
          .containsExactly("00-" + spans.get(0).traceId() + "-" + spans.get(0).spanId() + "-03");
    }
  }

  private ForkedJvm run(Path temurin, Path app, OtlpReceiver receiver, String url, String aotFlag) {
    return AgentJvm.builder()
        .javaHome(temurin)
        .javaagent(SmokeEnvironment.agentJar())
        .jvmArgs(aotFlag)
        .classpath(app)
        .mainClass(HttpCallApp.class.getName())
        .systemProperty("otel.service.name", "aot")
        .systemProperty("otel.metrics.exporter", "none")
        .systemProperty("otel.logs.exporter", "none")
        .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
        .args(url)
        .workingDirectory(dir) // where a crashing JVM writes its hs_err file
        .start();
  }

  private Path appJar() throws Exception {
    Path jar = dir.resolve("app.jar");
    String entry = HttpCallApp.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      jarOut.putNextEntry(new JarEntry(entry));
      jarOut.write(Files.readAllBytes(SmokeEnvironment.testClasses().resolve(entry)));
      jarOut.closeEntry();
    }
    return jar;
  }
}
