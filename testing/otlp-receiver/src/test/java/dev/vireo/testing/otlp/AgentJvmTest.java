package dev.vireo.testing.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.testing.otlp.fixtures.ForgetfulLauncherMain;
import dev.vireo.testing.otlp.fixtures.JavaVersionMain;
import dev.vireo.testing.otlp.fixtures.ParentOfSleeperMain;
import dev.vireo.testing.otlp.fixtures.PrintingAgent;
import dev.vireo.testing.otlp.fixtures.PrintingMain;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentJvmTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path tempDir;

  @Test
  void runsAMainClassWithPropertiesEnvironmentAndArgsAndReportsTheExitCode() {
    try (ForkedJvm jvm = AgentJvm.builder()
        .classpath(AgentJvm.currentClasspath())
        .systemProperty("test.property", "p-value")
        .env("TEST_ENV", "e-value")
        .mainClass(PrintingMain.class.getName())
        .args("3", "second")
        .start()) {

      assertThat(jvm.awaitOutput("hello", WAIT)).isEqualTo("hello from forked jvm");
      assertThat(jvm.waitFor(WAIT)).isEqualTo(3);
      assertThat(jvm.stdout()).containsExactly(
          "hello from forked jvm",
          "property=p-value",
          "env=e-value",
          "tool-options-property=null",
          "otel-env=null",
          "args=3,second");
      assertThat(jvm.stderr()).containsExactly("a warning on stderr");
      assertThat(jvm.output()).hasSize(7).contains("a warning on stderr");
      assertThat(jvm.isAlive()).isFalse();
    }
  }

  @Test
  void passesJavaToolOptionsAndOtelVariablesOnlyWhenSetExplicitly() {
    try (ForkedJvm jvm = AgentJvm.builder()
        .classpath(AgentJvm.currentClasspath())
        .env("JAVA_TOOL_OPTIONS", "-Dfrom.tool.options=yes")
        .env("OTEL_SERVICE_NAME", "svc")
        .mainClass(PrintingMain.class.getName())
        .args("0")
        .start()) {

      assertThat(jvm.waitFor(WAIT)).isZero();
      assertThat(jvm.stdout()).contains("tool-options-property=yes", "otel-env=svc");
      assertThat(jvm.stderr()).contains("Picked up JAVA_TOOL_OPTIONS: -Dfrom.tool.options=yes");
    }
  }

  @Test
  void attachesTheJavaagentWithItsOptions() throws Exception {
    Path agentJar = tempDir.resolve("printing-agent.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), PrintingAgent.class.getName());
    // The agent class itself comes from the class path: a manifest-only jar is enough.
    try (OutputStream out = Files.newOutputStream(agentJar); JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.flush();
    }

    AgentJvm builder = AgentJvm.builder()
        .javaagent(agentJar, "a=1,b=2")
        .jvmArgs("-Xmx64m")
        .classpath(AgentJvm.currentClasspath())
        .mainClass(PrintingMain.class.getName())
        .args("0");
    assertThat(builder.command()).containsSubsequence(
        "-Xmx64m", "-javaagent:" + agentJar + "=a=1,b=2", "-cp", PrintingMain.class.getName(), "0");
    try (ForkedJvm jvm = builder.start()) {
      assertThat(jvm.waitFor(WAIT)).isZero();
      assertThat(jvm.stdout()).startsWith("premain options=a=1,b=2", "hello from forked jvm");
    }
  }

  @Test
  void runsAnExecutableJar() throws Exception {
    Path appJar = tempDir.resolve("app.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, PrintingMain.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classesDirectoryUrl());
    try (OutputStream out = Files.newOutputStream(appJar); JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.flush();
    }

    try (ForkedJvm jvm = AgentJvm.builder().jar(appJar).args("5").start()) {
      assertThat(jvm.waitFor(WAIT)).isEqualTo(5);
      assertThat(jvm.stdout()).first().isEqualTo("hello from forked jvm");
    }
  }

  @Test
  void awaitOutputFailsAsSoonAsTheProcessEndsWithoutTheLine() {
    try (ForkedJvm jvm = AgentJvm.builder()
        .classpath(AgentJvm.currentClasspath())
        .mainClass(PrintingMain.class.getName())
        .args("0")
        .start()) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> jvm.awaitOutput("never printed", Duration.ofMinutes(2)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("the process ended (exit code 0)")
          .hasMessageContaining("hello from forked jvm");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }
  }

  @Test
  void closeDestroysTheJvmAndTheProcessesItStarted() {
    ForkedJvm jvm = AgentJvm.builder()
        .classpath(AgentJvm.currentClasspath())
        .mainClass(ParentOfSleeperMain.class.getName())
        .start();
    long childPid = Long.parseLong(jvm.awaitOutput("child pid=", WAIT).substring("child pid=".length()));
    ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
    assertThat(child.isAlive()).isTrue();

    assertThatThrownBy(() -> jvm.waitFor(Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("still running");

    jvm.close();

    assertThat(jvm.isAlive()).isFalse();
    assertThat(ProcessHandle.of(childPid).filter(ProcessHandle::isAlive)).isEqualTo(Optional.empty());
    // close() asks politely first, so the JVM's shutdown hooks (the exporter's final flush) get to run.
    assertThat(jvm.stdout()).contains("shutdown hook ran");
  }

  @Test
  void aForgottenJvmAndItsChildrenDieWithTheLaunchingJvm() {
    long forkedPid;
    long grandchildPid;
    try (ForkedJvm launcher = AgentJvm.builder()
        .classpath(AgentJvm.currentClasspath())
        .mainClass(ForgetfulLauncherMain.class.getName())
        .start()) {
      forkedPid = Long.parseLong(launcher.awaitOutput("forked pid=", WAIT).substring("forked pid=".length()));
      grandchildPid =
          Long.parseLong(launcher.awaitOutput("grandchild pid=", WAIT).substring("grandchild pid=".length()));
      assertThat(launcher.waitFor(WAIT)).isZero();
    }

    assertThat(ProcessHandle.of(forkedPid).filter(ProcessHandle::isAlive)).isEqualTo(Optional.empty());
    assertThat(ProcessHandle.of(grandchildPid).filter(ProcessHandle::isAlive)).isEqualTo(Optional.empty());
  }

  @Test
  void usesTheGivenJavaHome() {
    Path javaHome = Path.of(System.getProperty("vireo.temurin25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    try (ForkedJvm jvm = AgentJvm.builder()
        .javaHome(javaHome)
        .classpath(AgentJvm.currentClasspath())
        .mainClass(JavaVersionMain.class.getName())
        .start()) {
      assertThat(jvm.command().get(0)).isEqualTo(javaHome.resolve("bin").resolve("java").toString());
      assertThat(jvm.waitFor(WAIT)).isZero();
      assertThat(jvm.stdout()).containsExactly("java.specification.version=25");
    }
  }

  @Test
  void defaultsToTheRunningJvm() {
    try (ForkedJvm jvm = AgentJvm.builder()
        .classpath(AgentJvm.currentClasspath())
        .mainClass(JavaVersionMain.class.getName())
        .start()) {
      assertThat(jvm.command().get(0))
          .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      assertThat(jvm.waitFor(WAIT)).isZero();
      assertThat(jvm.stdout())
          .containsExactly("java.specification.version=" + System.getProperty("java.specification.version"));
    }
  }

  @Test
  void requiresExactlyOneOfMainClassOrJar() {
    assertThatThrownBy(() -> AgentJvm.builder().command())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly one");
  }

  private static String classesDirectoryUrl() throws Exception {
    return PrintingMain.class.getProtectionDomain().getCodeSource().getLocation().toURI().toURL().toString();
  }
}
