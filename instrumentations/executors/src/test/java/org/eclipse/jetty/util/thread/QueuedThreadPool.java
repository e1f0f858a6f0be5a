package org.eclipse.jetty.util.thread;

/**
 * Stand-in for Jetty's pool (Jetty is not on this class path): like the real one, startThread()
 * starts a runner on a plain java.lang.Thread, so only the caller tells it is a pool thread.
 */
public class QueuedThreadPool {

  public Thread startThread(Runnable runner) {
    Thread thread = new Thread(runner);
    thread.start();
    return thread;
  }
}
