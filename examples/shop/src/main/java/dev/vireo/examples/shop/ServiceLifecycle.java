package dev.vireo.examples.shop;

import java.util.concurrent.CountDownLatch;

/** Keeps a service's main thread alive until the JVM is asked to stop (SIGTERM, Ctrl-C), then closes it. */
final class ServiceLifecycle {

  private ServiceLifecycle() {}

  static void runUntilShutdown(String name, AutoCloseable service) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        service.close();
      } catch (Exception e) {
        System.err.println(name + ": error while stopping: " + e);
      } finally {
        stopped.countDown();
      }
    }, name + "-shutdown"));
    stopped.await();
  }
}
