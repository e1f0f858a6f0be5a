package dev.vireo.testlib;

/** A fake library class whose instrumentation throws. */
public class Fragile {

  public int twice(int value) {
    return value * 2;
  }

  public int failing() {
    throw new IllegalStateException("the library's own exception");
  }
}
