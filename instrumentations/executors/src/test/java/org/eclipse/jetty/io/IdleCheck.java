package org.eclipse.jetty.io;

/** Stand-in for a Jetty connection housekeeping task (e.g. an idle-timeout check). */
public class IdleCheck implements Runnable {

  private final Runnable body;

  public IdleCheck(Runnable body) {
    this.body = body;
  }

  @Override
  public void run() {
    body.run();
  }
}
