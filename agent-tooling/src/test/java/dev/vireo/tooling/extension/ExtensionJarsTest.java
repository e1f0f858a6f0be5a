package dev.vireo.tooling.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.VireoLog;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionJarsTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void captureLog() {
    VireoLog.redirect(new PrintStream(log, true));
  }

  @AfterEach
  void restoreLog() {
    VireoLog.redirect(System.err);
  }

  @Test
  void filesAndDirectoriesInOrder() throws IOException {
    Path single = jar(dir.resolve("single.jar"));
    Path extensions = Files.createDirectories(dir.resolve("extensions"));
    jar(extensions.resolve("b.jar"));
    jar(extensions.resolve("a.jar"));
    Files.write(extensions.resolve("README.txt"), "not a jar".getBytes(StandardCharsets.UTF_8));

    List<File> jars = ExtensionJars.resolve(" " + single + " ,, " + extensions);

    assertThat(jars).containsExactly(
        single.toFile().getAbsoluteFile(),
        extensions.resolve("a.jar").toFile().getAbsoluteFile(),
        extensions.resolve("b.jar").toFile().getAbsoluteFile());
    assertThat(logLines()).isEmpty();
  }

  @Test
  void missingAndBrokenEntriesAreSkippedWithOneWarningEach() throws IOException {
    Path good = jar(dir.resolve("good.jar"));
    Path broken = Files.write(dir.resolve("broken.jar"), "PK? no".getBytes(StandardCharsets.UTF_8));
    Path missing = dir.resolve("missing.jar");

    List<File> jars = ExtensionJars.resolve(missing + "," + broken + "," + good);

    assertThat(jars).containsExactly(good.toFile().getAbsoluteFile());
    List<String> lines = logLines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("WARN extension " + missing + " does not exist; skipped");
    assertThat(lines.get(1)).contains("WARN extension " + broken + " is not a readable jar (");
  }

  @Test
  void noSettingNoJars() {
    assertThat(ExtensionJars.resolve(null)).isEmpty();
    assertThat(ExtensionJars.resolve(" ")).isEmpty();
  }

  private static Path jar(Path file) throws IOException {
    new JarOutputStream(Files.newOutputStream(file)).close();
    return file;
  }

  private List<String> logLines() {
    String text = new String(log.toByteArray(), StandardCharsets.UTF_8);
    return Arrays.stream(text.split("\\R")).filter(line -> !line.isEmpty()).collect(Collectors.toList());
  }
}
