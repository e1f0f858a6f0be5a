package dev.vireo.testlib;

/** A fake library task whose instrumentation asks for an injected slot. */
public class SlottedTask implements Runnable {

  @Override
  public void run() {}
}
