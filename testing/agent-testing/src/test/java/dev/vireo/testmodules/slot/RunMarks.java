package dev.vireo.testmodules.slot;

import dev.vireo.instrumentation.api.VirtualField;

/** Counts the runs of each task in a field that lives in the task's injected slot. */
final class RunMarks {

  private static final VirtualField<Object, Integer> RUNS = VirtualField.createInInjectedSlot();

  private RunMarks() {}

  static void mark(Object task) {
    Integer runs = RUNS.get(task);
    RUNS.set(task, runs == null ? 1 : runs + 1);
  }
}
