package dev.vireo.instrumentation.executors;

import dev.vireo.instrumentation.api.VirtualField;
import io.opentelemetry.context.Context;

/**
 * The context captured for a task (a FutureTask, ForkJoinTask, CompletableFuture completion or
 * Thread), keyed weakly by the task's identity: a task that is never run (dropped with its pool)
 * takes its entry with it when it is collected, and a run, rejected or cancelled task gives it up at
 * once. Only the JDK's own classes are instrumented with it, so there is exactly one copy of this
 * field (in the module loader for the bootstrap class loader). Every task run looks here; while no
 * task carries a context the lookup allocates nothing. FutureTasks and fork/join tasks (every
 * CompletableFuture stage) keep theirs in a field the agent adds to {@code FutureTask} and {@code
 * ForkJoinTask} when they load after the agent; only tasks of classes loaded before it use the map.
 */
final class TaskContexts {

  private static final VirtualField<Object, Context> CONTEXTS = VirtualField.createInInjectedSlot();

  private TaskContexts() {}

  /** The current context if there is one worth moving; {@code null} (nothing to capture) otherwise. */
  static Context toPropagate() {
    Context current = Context.current();
    return current == Context.root() ? null : current;
  }

  static void attach(Object task, Context context) {
    CONTEXTS.set(task, context);
  }

  static Context get(Object task) {
    return CONTEXTS.get(task);
  }

  /** Returns the task's context and forgets it: for tasks that run once. */
  static Context take(Object task) {
    return CONTEXTS.take(task);
  }

  static void detach(Object task) {
    CONTEXTS.set(task, null);
  }
}
