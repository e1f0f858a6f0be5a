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
  TWO_SERVICE_THROUGHPUT("Two-service shop: checkout throughput (closed loop)", "req/s"),
  TWO_SERVICE_P99("Two-service shop: checkout latency p99", "ms"),
  BACKEND_CPU_PER_REQUEST("Two-service shop, backend JVM: CPU per request", "µs"),
  FRONTEND_CPU_PER_REQUEST("Two-service shop, frontend JVM: CPU per request", "µs"),
  BACKEND_CPU_PER_REQUEST_NO_JIT("Backend JVM: CPU per request without the JIT compiler threads", "µs"),
  FRONTEND_CPU_PER_REQUEST_NO_JIT("Frontend JVM: CPU per request without the JIT compiler threads", "µs"),
  BACKEND_JIT_CPU_PER_REQUEST("Backend JVM: JIT compiler threads' CPU per request", "µs"),
  FRONTEND_JIT_CPU_PER_REQUEST("Frontend JVM: JIT compiler threads' CPU per request", "µs"),
  BACKEND_RSS_AT_READY("Two-service shop, backend JVM: RSS at the first checkout", "MiB"),
  FRONTEND_RSS_AT_READY("Two-service shop, frontend JVM: RSS at the first checkout", "MiB"),
  BACKEND_HEAP_AFTER_GC("Two-service shop, backend JVM: heap used after load + full GC", "MiB"),
  FRONTEND_HEAP_AFTER_GC("Two-service shop, frontend JVM: heap used after load + full GC", "MiB"),
  SPANS_PER_REQUEST("Two-service shop: spans received per request (both JVMs)", ""),
  BACKEND_SPANS_PER_REQUEST("Two-service shop: spans per request from the backend JVM", ""),
  FRONTEND_SPANS_PER_REQUEST("Two-service shop: spans per request from the frontend JVM", ""),
  WEBFLUX_THROUGHPUT("WebFlux app (one WebClient call per request): throughput (closed loop)", "req/s"),
  WEBFLUX_P99("WebFlux app: latency p99", "ms"),
  WEBFLUX_CPU_PER_REQUEST("WebFlux app JVM: CPU per request", "µs"),
  WEBFLUX_CPU_PER_REQUEST_NO_JIT("WebFlux app JVM: CPU per request without the JIT compiler threads", "µs"),
  WEBFLUX_JIT_CPU_PER_REQUEST("WebFlux app JVM: JIT compiler threads' CPU per request", "µs"),
  WEBFLUX_SPANS_PER_REQUEST("WebFlux app: spans received per request", ""),
  FIRST_CALL_WALL("First traced call: JVM launch to the call's completion, wall", "ms"),
  FIRST_CALL_CPU("First traced call: process CPU (user+sys) by then", "ms"),
  FIRST_CALL_CPU_NO_JIT("First traced call: process CPU by then without the JIT compiler threads", "ms"),
  FIRST_CALL_DURATION("First traced call: the call itself, wall (SDK build included)", "ms"),
  FIRST_CALL_THREAD_CPU("First traced call: the calling thread's CPU in the call (SDK build included)", "ms"),
  JAR_SIZE("Agent jar size", "MiB");

  final String label;
  final String unit;

  Metric(String label, String unit) {
    this.label = label;
    this.unit = unit;
  }
}
