package dev.vireo.testing.otlp;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a JVM to fork for smoke tests, usually with the agent attached, and {@link #start() starts} it.
 *
 * <pre>{@code
 * try (ForkedJvm jvm = AgentJvm.builder()
 *     .javaagent(Path.of("agent/target/vireo-agent.jar"))
 *     .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
 *     .classpath(AgentJvm.currentClasspath())
 *     .mainClass("com.example.App")
 *     .start()) {
 *   jvm.awaitOutput("started", Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p>The command is {@code java [jvmArgs] [-javaagent:jar[=options]] [-Dkey=value...] [-cp path] (mainClass | -jar
 * jar) [args]}. The environment is inherited from this JVM except {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS},
 * {@code _JAVA_OPTIONS} and every {@code OTEL_*} variable, which are removed so the host's settings cannot leak into a
 * test; set them explicitly with {@link #env(String, String)}.
 */
public final class AgentJvm {

  private Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
  private Path agentJar;
  private String agentOptions;
  private final List<String> jvmArgs = new ArrayList<>();
  private final Map<String, String> systemProperties = new LinkedHashMap<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<String> removedEnvironment = new ArrayList<>();
  private String classpath;
  private String mainClass;
  private Path jar;
  private final List<String> args = new ArrayList<>();
  private Path workingDirectory;
  private boolean echoOutput = true;

  private AgentJvm() {}

  public static AgentJvm builder() {
    return new AgentJvm();
  }

  /** The class path of this (test) JVM, for forking a main class from the test sources. */
  public static String currentClasspath() {
    return System.getProperty("java.class.path");
  }

  /** Uses {@code <javaHome>/bin/java}, e.g. {@code /usr/lib/jvm/temurin-25-jdk-amd64}. Default: this JVM's. */
  public AgentJvm javaHome(Path javaHome) {
    this.javaExecutable = javaHome.resolve("bin").resolve("java");
    return this;
  }

  public AgentJvm javaExecutable(Path javaExecutable) {
    this.javaExecutable = Objects.requireNonNull(javaExecutable);
    return this;
  }

  /** Adds {@code -javaagent:<agentJar>}. */
  public AgentJvm javaagent(Path agentJar) {
    return javaagent(agentJar, null);
  }

  /** Adds {@code -javaagent:<agentJar>=<options>} (no {@code =} when options is null). */
  public AgentJvm javaagent(Path agentJar, String options) {
    this.agentJar = Objects.requireNonNull(agentJar);
    this.agentOptions = options;
    return this;
  }

  /** JVM options placed before everything else, e.g. {@code -Xmx256m}. */
  public AgentJvm jvmArgs(String... jvmArgs) {
    this.jvmArgs.addAll(Arrays.asList(jvmArgs));
    return this;
  }

  public AgentJvm systemProperty(String key, String value) {
    systemProperties.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
    return this;
  }

  public AgentJvm systemProperties(Map<String, String> properties) {
    properties.forEach(this::systemProperty);
    return this;
  }

  /** Sets an environment variable of the forked JVM (also one of the normally removed ones). */
  public AgentJvm env(String name, String value) {
    environment.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
    removedEnvironment.remove(name);
    return this;
  }

  /** Removes an inherited environment variable. */
  public AgentJvm removeEnv(String name) {
    environment.remove(name);
    removedEnvironment.add(name);
    return this;
  }

  public AgentJvm classpath(String classpath) {
    this.classpath = classpath;
    return this;
  }

  public AgentJvm classpath(Path... entries) {
    List<String> parts = new ArrayList<>();
    for (Path entry : entries) {
      parts.add(entry.toString());
    }
    this.classpath = String.join(File.pathSeparator, parts);
    return this;
  }

  /** Runs {@code mainClass} (exclusive with {@link #jar(Path)}). */
  public AgentJvm mainClass(String mainClass) {
    this.mainClass = mainClass;
    this.jar = null;
    return this;
  }

  /** Runs {@code -jar <jar>} (exclusive with {@link #mainClass(String)}). */
  public AgentJvm jar(Path jar) {
    this.jar = jar;
    this.mainClass = null;
    return this;
  }

  public AgentJvm args(String... args) {
    this.args.addAll(Arrays.asList(args));
    return this;
  }

  public AgentJvm workingDirectory(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
    return this;
  }

  /** Whether to copy the child's output lines to this JVM's stdout, prefixed with its pid (default: true). */
  public AgentJvm echoOutput(boolean echoOutput) {
    this.echoOutput = echoOutput;
    return this;
  }

  /** The full command line {@link #start()} runs. */
  public List<String> command() {
    if ((mainClass == null) == (jar == null)) {
      throw new IllegalStateException("Set exactly one of mainClass(...) or jar(...)");
    }
    List<String> command = new ArrayList<>();
    command.add(javaExecutable.toString());
    command.addAll(jvmArgs);
    if (agentJar != null) {
      command.add("-javaagent:" + agentJar + (agentOptions == null ? "" : "=" + agentOptions));
    }
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    if (classpath != null) {
      command.add("-cp");
      command.add(classpath);
    }
    if (jar != null) {
      command.add("-jar");
      command.add(jar.toString());
    } else {
      command.add(mainClass);
    }
    command.addAll(args);
    return command;
  }

  /** Starts the JVM; close the returned handle (try-with-resources) to make sure it and its children are gone. */
  public ForkedJvm start() {
    ProcessBuilder builder = new ProcessBuilder(command());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("OTEL_")
        || name.equals("JAVA_TOOL_OPTIONS")
        || name.equals("JDK_JAVA_OPTIONS")
        || name.equals("_JAVA_OPTIONS"));
    removedEnvironment.forEach(env::remove);
    env.putAll(environment);
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    try {
      return ForkedJvm.start(builder, echoOutput);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + builder.command(), e);
    }
  }
}
