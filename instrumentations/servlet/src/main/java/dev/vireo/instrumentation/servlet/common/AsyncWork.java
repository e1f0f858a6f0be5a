package dev.vireo.instrumentation.servlet.common;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/** Runs work given to {@code AsyncContext.start} in the context of the thread that gave it. */
public final class AsyncWork implements Runnable {

  private final Context context;
  private final Runnable work;

  private AsyncWork(Context context, Runnable work) {
    this.context = context;
    this.work = work;
  }

  /** The work wrapped in the current context, or null when there is nothing to carry (or it is wrapped already). */
  public static Runnable inCurrentContext(Runnable work) {
    if (work == null || work instanceof AsyncWork) {
      return null;
    }
    Context context = Context.current();
    return context == Context.root() ? null : new AsyncWork(context, work);
  }

  @Override
  public void run() {
    try (Scope ignored = context.makeCurrent()) {
      work.run();
    }
  }
}
