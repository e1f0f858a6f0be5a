package dev.vireo.testlib;

/** A fake library class, version 2: has {@link #greetV2()}, which version 1 lacked. */
public class Greeter {

  public String greet(String name) {
    return "hello " + name;
  }

  public String greetV2() {
    return "v2";
  }
}
