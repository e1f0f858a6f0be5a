/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation of every thread, not only the benchmark's: {@code -prof dev.vireo.benchmarks.CpuTimeProfiler}.
 * JMH's time modes see the measuring thread's wall clock; work handed to another thread (a batch span processor's
 * export thread) is missed, or counted as waiting. Two figures per iteration, divided by its operations:
 *
 * <ul>
 *   <li>{@code cpu.java.norm}: CPU of the JVM's Java threads (the benchmark thread, the export thread, JMH's own),
 *       read per thread from {@link ThreadMXBean}; a thread that ends inside the iteration is lost, so benchmarks
 *       measured with it must keep their threads. Excludes the JIT compiler and GC threads, which are not Java
 *       threads;
 *   <li>{@code cpu.process.norm}: the whole process (user + system), JIT compilation and GC included;
 *   <li>{@code cpu.caller.norm}: CPU of JMH's worker threads only, the threads calling the benchmark method: what
 *       the benchmarked call costs its caller, without the work handed off to other threads. Unlike the ns/op
 *       of the time modes it is not inflated when other processes take the CPU away from the caller;
 *   <li>{@code alloc.caller.norm}: bytes allocated by the worker threads, per operation.
 * </ul>
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private Map<Long, Long> javaBefore = new HashMap<>();
  private long processBefore;
  private long callerBefore;
  private long callerAllocatedBefore;

  /** JMH names the threads that call the benchmark method {@code <benchmark>-jmh-worker-<n>}. */
  static final String WORKER_NAME = "-jmh-worker-";

  @Override
  public String getDescription() {
    return "CPU time per operation of all Java threads and of the whole process";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    javaBefore = javaThreadCpu();
    processBefore = processCpu();
    callerBefore = callerCpu();
    callerAllocatedBefore = callerAllocated();
  }

  @Override
  public List<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long processAfter = processCpu();
    long callerAfter = callerCpu();
    long callerAllocatedAfter = callerAllocated();
    double process = processBefore < 0 || processAfter < 0 ? Double.NaN : processAfter - processBefore;
    long java = 0;
    for (Map.Entry<Long, Long> entry : javaThreadCpu().entrySet()) {
      java += entry.getValue() - javaBefore.getOrDefault(entry.getKey(), 0L);
    }
    long ops = result.getMetadata().getAllOps();
    if (ops <= 0) {
      return List.of();
    }
    return Arrays.asList(
        new ScalarResult("cpu.java.norm", (double) java / ops, "ns/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.process.norm", process / ops, "ns/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.caller.norm", (double) (callerAfter - callerBefore) / ops, "ns/op", AggregationPolicy.AVG),
        new ScalarResult(
            "alloc.caller.norm",
            callerAllocatedBefore < 0 || callerAllocatedAfter < 0
                ? Double.NaN
                : (double) (callerAllocatedAfter - callerAllocatedBefore) / ops,
            "B/op",
            AggregationPolicy.AVG));
  }

  /** CPU of JMH's worker threads; they live for the whole trial, so none is lost between two reads. */
  private long callerCpu() {
    long sum = 0;
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(WORKER_NAME)) {
        long nanos = threads.getThreadCpuTime(info.getThreadId());
        if (nanos > 0) {
          sum += nanos;
        }
      }
    }
    return sum;
  }

  /** Bytes allocated by JMH's worker threads; -1 when the JVM cannot tell. */
  private long callerAllocated() {
    if (!(threads instanceof com.sun.management.ThreadMXBean)) {
      return -1;
    }
    com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) threads;
    long sum = 0;
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(WORKER_NAME)) {
        long bytes = hotspot.getThreadAllocatedBytes(info.getThreadId());
        if (bytes < 0) {
          return -1;
        }
        sum += bytes;
      }
    }
    return sum;
  }

  private Map<Long, Long> javaThreadCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long nanos = threads.getThreadCpuTime(id);
      if (nanos >= 0) {
        cpu.put(id, nanos);
      }
    }
    return cpu;
  }

  private static long processCpu() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
        : -1;
  }
}
