package dev.vireo.benchmarks.overhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Diagnostic commands against the forked app via the JDK's {@code jcmd} (attach API; same user, same JDK). */
final class Jcmd {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private final String jcmd;

  Jcmd(String javaHome) {
    this.jcmd = javaHome + "/bin/jcmd";
  }

  String run(long pid, String... command) {
    String[] cmd = new String[command.length + 2];
    cmd[0] = jcmd;
    cmd[1] = Long.toString(pid);
    System.arraycopy(command, 0, cmd, 2, command.length);
    try {
      Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: "
            + new String(out, StandardCharsets.UTF_8));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Classes loaded so far (shared from the CDS archive or not), as ClassLoadingMXBean's total count. */
  long loadedClasses(long pid) {
    String counters = run(pid, "PerfCounter.print");
    return counter(counters, "java.cls.loadedClasses") + counter(counters, "java.cls.sharedLoadedClasses");
  }

  /** Runs a full GC and returns the heap in use right after it, in KiB. */
  long heapUsedAfterFullGcKib(long pid) {
    run(pid, "GC.run");
    Matcher used = USED.matcher(run(pid, "GC.heap_info"));
    if (!used.find()) {
      throw new IllegalStateException("no 'used NK' in GC.heap_info");
    }
    return Long.parseLong(used.group(1));
  }

  private static long counter(String counters, String name) {
    for (String line : counters.split("\n")) {
      if (line.startsWith(name + "=")) {
        return Long.parseLong(line.substring(name.length() + 1).trim());
      }
    }
    return 0;
  }
}
