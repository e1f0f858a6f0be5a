package dev.vireo.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** Opens the image tarball the package phase built and checks what the OpenTelemetry Operator relies on. */
class AgentImageIT {

  private static final ImageBuild BUILD = ImageBuild.load();
  private static TarEntries archive;
  private static Map<String, Object> manifest;
  private static Map<String, Object> config;
  private static TarEntries rootFs;

  @BeforeAll
  static void openImage() throws IOException {
    archive = TarEntries.of(BUILD.path("image.tar"));
    Map<String, Object> index = json(archive.content("index.json"));
    List<Map<String, Object>> manifests = list(index.get("manifests"));
    assertThat(manifests).hasSize(1);
    manifest = json(blob(manifests.get(0)));
    config = json(blob(map(manifest.get("config"))));
    rootFs = layers();
  }

  @Test
  void isAnOciLayoutNamedAfterTheConfiguredImage() {
    assertThat(json(archive.content("oci-layout"))).containsEntry("imageLayoutVersion", "1.0.0");
    List<Map<String, Object>> manifests = list(json(archive.content("index.json")).get("manifests"));
    Map<String, Object> descriptor = manifests.get(0);
    assertThat(descriptor).containsEntry("mediaType", "application/vnd.oci.image.manifest.v1+json");
    assertThat(map(descriptor.get("annotations")))
        .containsEntry("org.opencontainers.image.ref.name", BUILD.image());
    assertThat(BUILD.image()).isEqualTo("vireo/vireo-agent:" + BUILD.get("image.version"));
  }

  @Test
  void runsAsNonRootWithOciLabels() {
    assertThat(config).containsEntry("os", "linux").containsEntry("architecture", "amd64");
    Map<String, Object> runtime = map(config.get("config"));
    assertThat(runtime.get("User")).isEqualTo("65532");
    assertThat(list(runtime.get("Env"))).contains("PATH=/bin");
    assertThat(map(runtime.get("Labels")))
        .containsEntry("org.opencontainers.image.version", BUILD.get("image.version"))
        .containsEntry("org.opencontainers.image.source", BUILD.get("image.source"))
        .containsEntry("org.opencontainers.image.title", "Vireo Java agent")
        .containsEntry("org.opencontainers.image.licenses", "Apache-2.0");
  }

  @Test
  void holdsTheBuiltAgentJarAndAnExecutableCpAndNothingElse() throws IOException {
    assertThat(rootFs.content("javaagent.jar")).isEqualTo(Files.readAllBytes(BUILD.path("agent.jar")));
    assertThat(rootFs.all().get("bin/cp").mode() & 0777).isEqualTo(0755);
    assertThat(rootFs.all().keySet()).containsExactlyInAnyOrder("bin/", "bin/cp", "javaagent.jar");
  }

  @Test
  void cpIsAStaticallyLinkedElfBinary() {
    byte[] cp = rootFs.content("bin/cp");
    ByteBuffer elf = ByteBuffer.wrap(cp).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(cp, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("ELF");
    assertThat(cp[4]).as("ELFCLASS64").isEqualTo((byte) 2);
    long programHeaders = elf.getLong(0x20);
    int entrySize = Short.toUnsignedInt(elf.getShort(0x36));
    int count = Short.toUnsignedInt(elf.getShort(0x38));
    List<Integer> types = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      types.add(elf.getInt((int) programHeaders + i * entrySize));
    }
    int ptLoad = 1;
    int ptInterp = 3;
    // No PT_INTERP: nothing to load it with in a scratch image.
    assertThat(types).contains(ptLoad).doesNotContain(ptInterp);
  }

  @Test
  void theOperatorsInitCommandWorksWithTheImagesCp(@TempDir Path root) throws Exception {
    // Lay the image's files out like the container runtime would and run cp as the operator does:
    // `cp /javaagent.jar /otel-auto-instrumentation-java/javaagent.jar`; busybox picks the applet from argv[0].
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.write(bin.resolve("cp"), rootFs.content("bin/cp"));
    Files.setPosixFilePermissions(bin.resolve("cp"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.write(root.resolve("javaagent.jar"), rootFs.content("javaagent.jar"));
    Path volume = Files.createDirectories(root.resolve("otel-auto-instrumentation-java"));

    Process process = new ProcessBuilder("./cp", root.resolve("javaagent.jar").toString(),
            volume.resolve("javaagent.jar").toString())
        .directory(bin.toFile())
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(volume.resolve("javaagent.jar")).hasSameBinaryContentAs(BUILD.path("agent.jar"));
  }

  @Test
  void dockerArchiveHoldsTheSameLayerUnderTheSameName() throws IOException {
    TarEntries docker = TarEntries.of(BUILD.path("image.docker.tar"));
    List<Map<String, Object>> entries = new Yaml().load(new String(docker.content("manifest.json"), UTF8));
    assertThat(entries).hasSize(1);
    assertThat(list(entries.get(0).get("RepoTags"))).containsExactly(BUILD.image());
    String layerDigest = (String) list(manifest.get("layers")).stream()
        .map(layer -> (String) ((Map<?, ?>) layer).get("digest")).findFirst().orElseThrow();
    assertThat(list(entries.get(0).get("Layers"))).containsExactly(layerDigest.substring("sha256:".length()) + ".tar.gz");
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  /** All layers applied in order (this image has no deletions to replay), each verified against its digest. */
  private static TarEntries layers() throws IOException {
    List<Map<String, Object>> layers = list(manifest.get("layers"));
    assertThat(layers).isNotEmpty();
    TarEntries merged = null;
    for (Map<String, Object> layer : layers) {
      assertThat(layer.get("mediaType")).isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
      TarEntries entries = TarEntries.ofGzip(blob(layer));
      if (merged == null) {
        merged = entries;
      } else {
        merged.all().putAll(entries.all());
      }
    }
    return merged;
  }

  /** The blob a descriptor points at, after checking its size and sha256 digest. */
  private static byte[] blob(Map<String, Object> descriptor) {
    String digest = (String) descriptor.get("digest");
    assertThat(digest).startsWith("sha256:");
    byte[] content = archive.content("blobs/sha256/" + digest.substring("sha256:".length()));
    assertThat(((Number) descriptor.get("size")).longValue()).isEqualTo(content.length);
    assertThat("sha256:" + sha256(content)).isEqualTo(digest);
    return content;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JSON is YAML, so SnakeYAML parses the OCI documents without another dependency. */
  private static Map<String, Object> json(byte[] content) {
    return new Yaml().load(new String(content, UTF8));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Object value) {
    return (List<T>) value;
  }
}
