package dev.vireo.tooling;

/**
 * Runs agent work on a daemon thread of its own: a short task the application thread that happened to trigger it (the
 * one whose first span built the SDK) should not wait for, or one of the agent's long-lived loops.
 */
public final class BackgroundTask {

  private BackgroundTask() {}

  public static void start(String threadName, Runnable task) {
    Thread thread = new Thread(task, threadName);
    thread.setDaemon(true);
    // not the context loader of whichever application thread triggered it (a web app's, say): the thread would
    // hold that loader while it runs
    thread.setContextClassLoader(BackgroundTask.class.getClassLoader());
    thread.start();
  }
}
