package dev.vireo.benchmarks.overhead;

/** What is measured per run, with the unit shown in the table. */
enum Metric {
  STARTUP_WALL("Shop start-up to first checkout, wall", "ms"),
  STARTUP_CPU("Shop start-up to first checkout, CPU (user+sys)", "ms"),
  LOADED_CLASSES("Classes loaded after first checkout", ""),
  HELLO_WALL("Hello-world main (builds an HttpClient), wall to exit", "ms"),
  HELLO_CPU("Hello-world main, CPU (user+sys)", "ms"),
  HELLO_PEAK_RSS("Hello-world main, peak RSS", "MiB"),
  PEAK_RSS("Shop peak RSS (after load)", "MiB"),
  HEAP_AFTER_GC("Shop heap used after load + full GC", "MiB"),
  THROUGHPUT("Checkout throughput (closed loop)", "req/s"),
  P50("Checkout latency p50", "ms"),
  P90("Checkout latency p90", "ms"),
  P99("Checkout latency p99", "ms"),
  SPANS_PER_CHECKOUT("Spans received per checkout (approx.)", ""),
  SPRING_STARTUP_WALL("Spring Boot MVC + JPA app: start-up to first 200, wall", "ms"),
  SPRING_STARTUP_CPU("Spring Boot app: CPU (user+sys) used by then", "ms"),
  SPRING_RSS_AT_READY("Spring Boot app: RSS at first 200", "MiB"),
  SPRING_LOADED_CLASSES("Spring Boot app: classes loaded at first 200", ""),
  JAR_SIZE("Agent jar size", "MiB");

  final String label;
  final String unit;

  Metric(String label, String unit) {
    this.label = label;
    this.unit = unit;
  }
}
