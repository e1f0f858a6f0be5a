package dev.vireo.examples.shop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One shop service running in its own JVM: forks {@code java [jvmArgs] -cp <classpath> <mainClass> [args]}, echoes
 * its output line by line to a sink and waits for its {@link ReadyLine}.
 *
 * <p>Launchers (the smoke tests, the README demo) add JVM arguments such as {@code -javaagent:...} here.
 */
public final class ForkedService implements AutoCloseable {

  private final String name;
  private final Process process;
  private final CompletableFuture<ReadyLine> ready = new CompletableFuture<>();

  private ForkedService(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  /**
   * Forks the service; stdout and stderr lines go to {@code output} prefixed with {@code [name] }.
   *
   * @param classpath e.g. the path of {@code vireo-example-shop.jar}
   */
  public static ForkedService fork(String name, String classpath, List<String> jvmArgs, Class<?> mainClass,
      List<String> args, Consumer<String> output) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable().toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass.getName());
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ForkedService service = new ForkedService(name, process);
    Thread reader = new Thread(() -> service.pump(output), "forked-" + name + "-output");
    reader.setDaemon(true);
    reader.start();
    return service;
  }

  private static Path javaExecutable() {
    return Paths.get(System.getProperty("java.home"), "bin", "java");
  }

  private void pump(Consumer<String> output) {
    try (BufferedReader lines =
             new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.accept("[" + name + "] " + line);
        if (!ready.isDone()) {
          ReadyLine.parse(line).ifPresent(ready::complete);
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    } finally {
      ready.completeExceptionally(new IllegalStateException(name + " exited before printing its READY line"));
    }
  }

  /** Waits for the service's READY line; fails fast when the process dies first. */
  public ReadyLine awaitReady(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new TimeoutException(name + " printed no READY line within " + timeout);
    }
  }

  public Process process() {
    return process;
  }

  /** Asks the JVM to stop (SIGTERM, so shutdown hooks run) and kills it if it takes longer than 10 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
