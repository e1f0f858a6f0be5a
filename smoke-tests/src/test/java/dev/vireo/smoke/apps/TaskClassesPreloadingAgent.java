package dev.vireo.smoke.apps;

import java.lang.instrument.Instrumentation;

/**
 * An agent listed before Vireo that loads the JDK's task classes in its premain, as another agent or an early
 * framework may: Vireo then finds them loaded and cannot add its field to them.
 */
public final class TaskClassesPreloadingAgent {

  private TaskClassesPreloadingAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) throws ClassNotFoundException {
    Class.forName("java.util.concurrent.ForkJoinTask");
    Class.forName("java.util.concurrent.FutureTask");
  }
}
