package dev.vireo.tooling.install;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/** Remembers a module's class loader check per loader: it runs for every class loaded otherwise. */
final class CachedLoaderMatcher extends ElementMatcher.Junction.AbstractBase<ClassLoader> {

  private final ElementMatcher<ClassLoader> delegate;
  private final Map<ClassLoader, Boolean> results = new WeakHashMap<>();
  private volatile Boolean bootstrapResult;

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
    synchronized (results) {
      Boolean result = results.get(loader);
      if (result == null) {
        result = safeMatch(loader);
        results.put(loader, result);
      }
      return result;
    }
  }

  private boolean safeMatch(ClassLoader loader) {
    try {
      return delegate.matches(loader);
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
