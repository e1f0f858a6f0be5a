package dev.vireo.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU a JVM has used so far, in clock ticks from /proc: the whole process ({@code /proc/PID/stat}, which includes
 * threads that already exited) and each JIT compiler thread ({@code /proc/PID/task/TID/stat} of the threads whose
 * {@code comm} is HotSpot's "C1 CompilerThreadN" or "C2 CompilerThreadN", cut to 15 characters by the kernel). Two
 * snapshots give the CPU of a window with and without the compiler threads: on a small machine the JIT is still
 * compiling long after start-up, and what it compiles is partly the agent's code.
 */
record JvmCpu(long processTicks, Map<Long, Long> compilerThreadTicks) {

  /** USER_HZ on Linux is 100 on every mainstream kernel configuration (as in {@link ProcessSample}). */
  static final long TICKS_PER_SECOND = 100;

  /** What one window cost: all threads, the compiler threads, and how many compiler threads exited meanwhile. */
  record Window(double processMillis, double compilerMillis, int compilerThreadsGone) {

    double withoutCompilerMillis() {
      return processMillis - compilerMillis;
    }
  }

  static JvmCpu of(long pid) throws IOException {
    Path proc = Path.of("/proc", Long.toString(pid));
    Map<Long, Long> compilers = new HashMap<>();
    try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          if (isCompilerThread(Files.readString(task.resolve("comm")))) {
            compilers.put(Long.parseLong(task.getFileName().toString()), ticks(Files.readString(task.resolve("stat"))));
          }
        } catch (NoSuchFileException threadEnded) {
          // a thread that ended between the listing and the read: not a compiler thread we can count
        }
      }
    }
    return new JvmCpu(ticks(Files.readString(proc.resolve("stat"))), compilers);
  }

  static boolean isCompilerThread(String comm) {
    return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
  }

  /** utime + stime (fields 14 and 15) of a stat line; the command name (field 2) may contain spaces. */
  static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /**
   * From {@code this} snapshot to {@code later}. A compiler thread started in between counts from zero (HotSpot
   * adds compiler threads on demand); one that exited in between is counted in {@code compilerThreadsGone}, since
   * the CPU it used after the first snapshot is in the process total but no longer readable per thread.
   */
  Window until(JvmCpu later) {
    long compiler = 0;
    int gone = 0;
    for (Map.Entry<Long, Long> thread : later.compilerThreadTicks.entrySet()) {
      compiler += thread.getValue() - compilerThreadTicks.getOrDefault(thread.getKey(), 0L);
    }
    for (Long tid : compilerThreadTicks.keySet()) {
      if (!later.compilerThreadTicks.containsKey(tid)) {
        gone++;
      }
    }
    return new Window(millis(later.processTicks - processTicks), millis(compiler), gone);
  }

  private static double millis(long ticks) {
    return ticks * 1000.0 / TICKS_PER_SECOND;
  }
}
