package dev.vireo.testing.otlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines a forked process wrote to stdout and stderr, collected by two daemon threads and readable while the
 * process runs. One monitor guards everything so waiting for a line is a plain wait/notify.
 */
final class ProcessOutput {

  private final List<String> stdout = new ArrayList<>();
  private final List<String> stderr = new ArrayList<>();
  private final List<String> combined = new ArrayList<>();
  private final PrintStream echo;
  private final String echoPrefix;
  private int openStreams = 2;

  ProcessOutput(PrintStream echo, String echoPrefix) {
    this.echo = echo;
    this.echoPrefix = echoPrefix;
  }

  void drain(Process process, String threadName) {
    startReader(process.getInputStream(), false, threadName + "-stdout");
    startReader(process.getErrorStream(), true, threadName + "-stderr");
  }

  private void startReader(InputStream stream, boolean isStderr, String name) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          add(line, isStderr);
        }
      } catch (IOException ignored) {
        // The stream closes when the process is destroyed: that is the end of its output.
      } finally {
        streamClosed();
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  private synchronized void add(String line, boolean isStderr) {
    (isStderr ? stderr : stdout).add(line);
    combined.add(line);
    if (echo != null) {
      echo.println(echoPrefix + (isStderr ? "[err] " : "") + line);
    }
    notifyAll();
  }

  private synchronized void streamClosed() {
    openStreams--;
    notifyAll();
  }

  synchronized List<String> stdout() {
    return List.copyOf(stdout);
  }

  synchronized List<String> stderr() {
    return List.copyOf(stderr);
  }

  synchronized List<String> combined() {
    return List.copyOf(combined);
  }

  /** Waits until both streams reached their end (the process exited and everything was read). */
  synchronized boolean awaitEnd(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (openStreams > 0) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      wait(Math.max(1, remaining / 1_000_000));
    }
    return true;
  }

  /**
   * Waits for a line (stdout or stderr) containing {@code text}; returns it, or null when the process closed its
   * output without writing one or the timeout passed ({@code ended[0]} tells which).
   */
  synchronized String awaitLine(String text, Duration timeout, boolean[] ended) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    while (true) {
      for (; checked < combined.size(); checked++) {
        if (combined.get(checked).contains(text)) {
          return combined.get(checked);
        }
      }
      if (openStreams == 0) {
        ended[0] = true;
        return null;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return null;
      }
      wait(Math.max(1, remaining / 1_000_000));
    }
  }
}
