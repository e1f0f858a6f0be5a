package dev.vireo.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a live process, read from Linux /proc (cheap: no attach, no extra JVM), so the
 * sample can be taken at the exact moment the harness sees the first successful request.
 */
record ProcessSample(long cpuMillis, long rssKib, long peakRssKib) {

  /** USER_HZ on Linux is 100 on every mainstream kernel configuration. */
  private static final long TICKS_PER_SECOND = 100;

  static ProcessSample of(long pid) {
    return parse(read(Path.of("/proc", Long.toString(pid), "stat")),
        read(Path.of("/proc", Long.toString(pid), "status")));
  }

  /** {@code self} variant for the hello-world main, which prints its own numbers just before it exits. */
  static ProcessSample self() {
    return parse(read(Path.of("/proc/self/stat")), read(Path.of("/proc/self/status")));
  }

  static ProcessSample parse(String stat, String status) {
    // The command name (field 2) may contain spaces: fields are counted after its closing parenthesis.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime (14) + stime (15)
    return new ProcessSample(ticks * 1000 / TICKS_PER_SECOND, kib(status, "VmRSS:"), kib(status, "VmHWM:"));
  }

  private static long kib(String status, String key) {
    for (String line : status.split("\n")) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
      }
    }
    return -1;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path + " (process gone?)", e);
    }
  }
}
