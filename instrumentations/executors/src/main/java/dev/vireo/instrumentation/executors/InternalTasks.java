package dev.vireo.instrumentation.executors;

/**
 * Tasks and threads of servers' and clients' own machinery that must not inherit the context of
 * whichever request happened to be current when they were created: they run long after that request
 * (or forever), and spans they create would be attached to it. Matched by class name, so this check
 * needs none of those libraries on the class path.
 */
final class InternalTasks {

  private static final String[] PREFIXES = {
    // Netty: event-loop threads are FastThreadLocalThreads started lazily by the first task submitted
    // to the loop, often from a request thread; event-loop housekeeping (scheduled idle checks, DNS
    // cache expiry, HashedWheelTimer workers) is scheduled from request threads too. Work handed to an
    // event loop on behalf of a request is propagated by the Netty instrumentation itself.
    "io.netty.",
    // Jetty: QueuedThreadPool runners live for many requests, and the Scheduler (a JDK
    // ScheduledThreadPoolExecutor underneath) runs idle-timeout and HTTP/2 housekeeping tasks that a
    // request scheduled but that belong to the connection. Request dispatch is the server
    // instrumentation's job.
    "org.eclipse.jetty.",
    // Tomcat: TaskThread workers, the utility executor's periodic background processing (session
    // expiry, reloading) and connector internals (Coyote pollers, async timeouts).
    "org.apache.tomcat.",
    "org.apache.catalina.",
    "org.apache.coyote.",
    // Kafka: KafkaThreads (producer Sender, consumer network and heartbeat threads) live as long as the
    // client, which is often created lazily inside a request; record-level context is carried in headers
    // by the Kafka instrumentation instead.
    "org.apache.kafka.",
  };

  /** Decided once per class: every task created under a context asks (every CompletableFuture stage). */
  private static final ClassValue<Boolean> INTERNAL_TASK_CLASS =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          String className = type.getName();
          // The signal a thread waiting in CompletableFuture.join/get leaves behind only wakes it up.
          return hasInternalPrefix(className) || className.equals("java.util.concurrent.CompletableFuture$Signaller");
        }
      };

  private InternalTasks() {}

  /** A task (or the Callable/Runnable it wraps) of one of the libraries above. */
  static boolean isInternal(Object task) {
    return task != null && INTERNAL_TASK_CLASS.get(task.getClass());
  }

  /** A thread class of one of the libraries above, or a JDK system thread. */
  static boolean isInternalThread(Thread thread) {
    String className = thread.getClass().getName();
    // jdk.internal.misc.InnocuousThread: JDK system threads, e.g. the HTTP keep-alive timer that an
    // HttpURLConnection request starts, or cleaners.
    return hasInternalPrefix(className) || className.startsWith("jdk.internal.");
  }

  private static boolean hasInternalPrefix(String className) {
    for (String prefix : PREFIXES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
