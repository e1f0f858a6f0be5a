package dev.vireo.instrumentation.servlet.jakarta;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.servlet.AsyncContext;

/** Runs work given to {@code AsyncContext.start} in the context of the thread that gave it. */
final class AsyncWork implements Runnable {

  private final Context context;
  private final Runnable work;

  private AsyncWork(Context context, Runnable work) {
    this.context = context;
    this.work = work;
  }

  /** True when the work was started wrapped (the original call must then be skipped). */
  static boolean startInCurrentContext(AsyncContext asyncContext, Runnable work) {
    if (work == null || work instanceof AsyncWork) {
      return false;
    }
    Context context = Context.current();
    if (context == Context.root()) {
      return false;
    }
    try {
      asyncContext.start(new AsyncWork(context, work));
      return true;
    } catch (RuntimeException e) {
      return false; // the original call runs and fails the same way, as the application expects
    }
  }

  @Override
  public void run() {
    try (Scope ignored = context.makeCurrent()) {
      work.run();
    }
  }
}
