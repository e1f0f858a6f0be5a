package dev.vireo.testing.otlp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A running JVM started by {@link AgentJvm}, with its output captured line by line. {@link #close()} destroys it and
 * every process it started; a shutdown hook does the same for handles a test forgot to close, so no run leaves
 * orphans behind.
 */
public final class ForkedJvm implements AutoCloseable {

  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(5);
  private static final Set<ForkedJvm> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Thread hook = new Thread(() -> {
      for (ForkedJvm jvm : LIVE) {
        jvm.destroyTree(Duration.ZERO);
      }
    }, "forked-jvm-reaper");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private final Process process;
  private final List<String> command;
  private final ProcessOutput output;

  private ForkedJvm(Process process, List<String> command, ProcessOutput output) {
    this.process = process;
    this.command = command;
    this.output = output;
  }

  static ForkedJvm start(ProcessBuilder builder, boolean echo) throws IOException {
    Process process = builder.start();
    ProcessOutput output = new ProcessOutput(echo ? System.out : null, "[jvm " + process.pid() + "] ");
    ForkedJvm jvm = new ForkedJvm(process, List.copyOf(builder.command()), output);
    LIVE.add(jvm);
    output.drain(process, "forked-jvm-" + process.pid());
    return jvm;
  }

  public Process process() {
    return process;
  }

  public long pid() {
    return process.pid();
  }

  public List<String> command() {
    return command;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Lines written to stdout so far (snapshot). */
  public List<String> stdout() {
    return output.stdout();
  }

  /** Lines written to stderr so far (snapshot). */
  public List<String> stderr() {
    return output.stderr();
  }

  /** Lines of both streams so far, in the order they were read (snapshot). */
  public List<String> output() {
    return output.combined();
  }

  /**
   * Waits for a line on stdout or stderr containing {@code text} and returns it.
   *
   * @throws AssertionError when the process ends without printing it or the timeout passes; the message carries the
   *     output so far
   */
  public String awaitOutput(String text, Duration timeout) {
    boolean[] ended = new boolean[1];
    String line;
    try {
      line = output.awaitLine(text, timeout, ended);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted waiting for '" + text + "'", e);
    }
    if (line != null) {
      return line;
    }
    String why = ended[0] ? "the process ended (exit code " + exitCodeOrNull() + ")" : "timed out after " + timeout;
    throw new AssertionError("No output line containing '" + text + "': " + why + describe());
  }

  /**
   * Waits for the process to exit and returns its exit code, after all its output has been read.
   *
   * @throws AssertionError when it is still running after {@code timeout}
   */
  public int waitFor(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new AssertionError("Process still running after " + timeout + describe());
      }
      // Children that inherited the pipes could keep them open: don't wait for them for long.
      output.awaitEnd(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted waiting for the process", e);
    }
    LIVE.remove(this);
    return process.exitValue();
  }

  /**
   * Stops the process tree: children are snapshotted first (they are re-parented once the JVM dies), the JVM gets a
   * normal termination request (so shutdown hooks such as the exporter's flush run) and is killed if still alive
   * after 5 seconds; then every remaining child is killed.
   */
  @Override
  public void close() {
    destroyTree(GRACEFUL_STOP);
    LIVE.remove(this);
  }

  private void destroyTree(Duration grace) {
    List<ProcessHandle> descendants = process.descendants().toList();
    if (process.isAlive()) {
      // Signal through the ProcessHandle: Process.destroy() would also close our end of the pipes and lose the
      // last lines (what shutdown hooks print).
      process.toHandle().destroy();
      try {
        if (grace.isZero() || !process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS)) {
          process.toHandle().destroyForcibly();
        }
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.toHandle().destroyForcibly();
      }
    }
    for (ProcessHandle child : descendants) {
      child.destroyForcibly();
    }
    if (!grace.isZero()) {
      // Let the readers take in the last lines (e.g. what shutdown hooks printed) before the caller looks.
      try {
        output.awaitEnd(Duration.ofSeconds(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (ProcessHandle child : descendants) {
      try {
        child.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // Best effort: it was sent SIGKILL; a zombie reaped by init is not ours to wait for.
      }
    }
  }

  /** The exit code once the process is reaped (its output can end a moment before); null if it still runs. */
  private Integer exitCodeOrNull() {
    try {
      if (process.waitFor(5, TimeUnit.SECONDS)) {
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  private String describe() {
    return "\ncommand: " + String.join(" ", command) + "\noutput:\n  " + String.join("\n  ", output.combined());
  }
}
