package dev.vireo.tooling.install;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Remembers a module's class loader check per loader: it runs for every class loaded otherwise. Classes come in
 * runs from one loader, so the last answer is kept aside and read without a lock; a loader change takes the lock.
 */
final class CachedLoaderMatcher extends ElementMatcher.Junction.AbstractBase<ClassLoader> {

  private final ElementMatcher<ClassLoader> delegate;
  private final Map<ClassLoader, Boolean> results = new WeakHashMap<>();
  private volatile Boolean bootstrapResult;
  private volatile LastAnswer last;

  CachedLoaderMatcher(ElementMatcher<ClassLoader> delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean matches(ClassLoader loader) {
    if (loader == null) {
      Boolean result = bootstrapResult;
      if (result == null) {
        result = safeMatch(null);
        bootstrapResult = result;
      }
      return result;
    }
    LastAnswer answer = last;
    if (answer != null && answer.loader.get() == loader) {
      return answer.result;
    }
    boolean result;
    synchronized (results) {
      Boolean known = results.get(loader);
      if (known == null) {
        known = safeMatch(loader);
        results.put(loader, known);
      }
      result = known;
    }
    last = new LastAnswer(loader, result);
    return result;
  }

  private boolean safeMatch(ClassLoader loader) {
    try {
      return delegate.matches(loader);
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Held weakly: the matcher lives as long as the agent, a loader may not. */
  private static final class LastAnswer {
    final WeakReference<ClassLoader> loader;
    final boolean result;

    LastAnswer(ClassLoader loader, boolean result) {
      this.loader = new WeakReference<>(loader);
      this.result = result;
    }
  }
}
