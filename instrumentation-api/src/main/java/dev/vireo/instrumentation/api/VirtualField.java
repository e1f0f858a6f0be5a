package dev.vireo.instrumentation.api;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attaches agent state to library objects the agent cannot add fields to (e.g. the span of an
 * {@code HttpURLConnection} across its calls). Keys are held weakly and compared by identity, so an
 * object that is collected takes its state with it. Lock-free for readers, and free of any
 * allocation while the field holds nothing (hot paths look up far more often than they store).
 */
public final class VirtualField<T, F> {

  private final ConcurrentHashMap<Object, F> map = new ConcurrentHashMap<>();
  private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

  public static <T, F> VirtualField<T, F> create() {
    return new VirtualField<>();
  }

  public F get(T owner) {
    if (map.isEmpty()) {
      return null;
    }
    return map.get(new Lookup(owner));
  }

  /** Returns the value and forgets it (state that is used once). */
  public F take(T owner) {
    if (map.isEmpty()) {
      return null;
    }
    return map.remove(new Lookup(owner));
  }

  public void set(T owner, F value) {
    expunge();
    if (value == null) {
      if (!map.isEmpty()) {
        map.remove(new Lookup(owner));
      }
    } else {
      map.put(new WeakKey(owner, collected), value);
    }
  }

  /** For tests and health checks. */
  public int size() {
    expunge();
    return map.size();
  }

  private void expunge() {
    Object ref;
    while ((ref = collected.poll()) != null) {
      map.remove(ref);
    }
  }

  /** The stored key; equal to a {@link Lookup} of the same referent. */
  private static final class WeakKey extends WeakReference<Object> {
    private final int hash;

    WeakKey(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      if (other instanceof WeakKey) {
        Object referent = get();
        return referent != null && referent == ((WeakKey) other).get();
      }
      if (other instanceof Lookup) {
        return get() == ((Lookup) other).referent;
      }
      return false;
    }
  }

  /** A short-lived strong key for lookups. */
  private static final class Lookup {
    private final Object referent;

    Lookup(Object referent) {
      this.referent = referent;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(referent);
    }

    @Override
    public boolean equals(Object other) {
      if (other instanceof WeakKey) {
        return ((WeakKey) other).get() == referent;
      }
      return other instanceof Lookup && ((Lookup) other).referent == referent;
    }
  }
}
