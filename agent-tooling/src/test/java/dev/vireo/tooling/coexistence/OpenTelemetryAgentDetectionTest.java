package dev.vireo.tooling.coexistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tooling.JvmArguments;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenTelemetryAgentDetectionTest {

  @TempDir Path dir;

  private File jar(String name, String premainClass, String version) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), premainClass);
    if (version != null) {
      manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
    }
    Path path = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(path);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.flush();
    }
    return path.toFile();
  }

  @Test
  void aLaterJavaagentArgumentIsFoundByItsManifestWhateverTheJarIsCalled() throws Exception {
    File vireo = jar("vireo-agent.jar", "dev.vireo.bootstrap.VireoAgent", null);
    File otel = jar("tracing.jar", OpenTelemetryAgentDetection.PREMAIN_CLASS, "2.33.1");
    String found =
        OpenTelemetryAgentDetection.detect(
            vireo,
            Arrays.asList("-Xmx64m", "-javaagent:" + vireo, "-javaagent:" + otel + "=x=y", "-Dfoo=bar"),
            false);
    assertThat(found).isEqualTo("the OpenTelemetry Java agent 2.33.1 (" + otel + ")");
  }

  @Test
  void anEarlierAgentIsFoundByItsBootstrapClasses() throws Exception {
    File vireo = jar("vireo-agent.jar", "dev.vireo.bootstrap.VireoAgent", null);
    assertThat(OpenTelemetryAgentDetection.detect(vireo, Collections.singletonList("-javaagent:" + vireo), true))
        .isEqualTo(
            "the OpenTelemetry Java agent (its class io.opentelemetry.javaagent.bootstrap.AgentInitializer"
                + " is on the bootstrap class path)");
  }

  @Test
  void otherAgentsAndVireoAloneAreNotReported() throws Exception {
    File vireo = jar("vireo-agent.jar", "dev.vireo.bootstrap.VireoAgent", null);
    File other = jar("opentelemetry-javaagent-lookalike.jar", "com.example.ProfilerAgent", "1.0");
    assertThat(
            OpenTelemetryAgentDetection.detect(
                vireo, Arrays.asList("-javaagent:" + vireo, "-javaagent:" + other, "-javaagent:/missing.jar"), false))
        .isNull();
  }

  @Test
  void thisJvmHasNoOpenTelemetryAgent() {
    assertThat(OpenTelemetryAgentDetection.detect(null, JvmArguments.read())).isNull();
  }
}
