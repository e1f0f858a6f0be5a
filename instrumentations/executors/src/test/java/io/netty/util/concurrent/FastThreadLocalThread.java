package io.netty.util.concurrent;

/** Stand-in for Netty's thread class (only its name matters to the exclusion being tested). */
public class FastThreadLocalThread extends Thread {
  public FastThreadLocalThread(Runnable task) {
    super(task);
  }
}
