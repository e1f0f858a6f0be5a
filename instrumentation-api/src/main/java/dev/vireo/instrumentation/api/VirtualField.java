package dev.vireo.instrumentation.api;

import dev.vireo.bootstrap.InjectedSlot;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attaches agent state to library objects the agent cannot add fields to (e.g. the span of an
 * {@code HttpURLConnection} across its calls). Keys are held weakly and compared by identity, so an
 * object that is collected takes its state with it: the keys of collected owners land on a
 * reference queue, from which the agent's own thread ({@link #removeCollectedEntries}) removes
 * their entries as the GC clears them, and every read and write removes up to {@link
 * #MAX_EXPUNGED_PER_CALL} of them too (bounded, so no call pays for a whole GC's worth; and enough
 * where that thread does not run). Lock-free for readers (polling an empty queue takes no lock),
 * and free of any allocation while the field holds nothing (hot paths look up far more often than
 * they store).
 *
 * <p>A field made with {@link #createInInjectedSlot()} keeps its value in the owner's injected slot
 * field when the owner has one (a type the module declares {@code withInjectedSlot()}, loaded after
 * the agent started): no map entry, no weak reference, nothing for the GC to process.
 */
public final class VirtualField<T, F> {

  /** Stale entries removed per call at most. */
  static final int MAX_EXPUNGED_PER_CALL = 64;

  /** The keys of every field's collected owners. */
  private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();

  private final ConcurrentHashMap<Object, F> map = new ConcurrentHashMap<>();
  private final boolean usesSlot;

  private VirtualField(boolean usesSlot) {
    this.usesSlot = usesSlot;
  }

  /**
   * Removes the entry of each collected owner, of every field, as the GC clears it; returns when interrupted. Without
   * it an entry whose owner is gone stays until its field is used again: the state of every statement a service ran
   * since its last GC, say, after its load stopped.
   */
  public static void removeCollectedEntries() throws InterruptedException {
    while (true) {
      ((WeakKey) COLLECTED.remove()).removeEntry();
    }
  }

  public static <T, F> VirtualField<T, F> create() {
    return new VirtualField<>(false);
  }

  /**
   * A field that lives in the owners' injected slot where they have one, in the map otherwise. One
   * such field per owner type: the slot is a single field.
   */
  public static <T, F> VirtualField<T, F> createInInjectedSlot() {
    return new VirtualField<>(true);
  }

  @SuppressWarnings("unchecked")
  public F get(T owner) {
    if (usesSlot && owner instanceof InjectedSlot) {
      return (F) ((InjectedSlot) owner).vireo$slot();
    }
    if (map.isEmpty()) {
      return null;
    }
    expunge(MAX_EXPUNGED_PER_CALL);
    return map.get(new Lookup(owner));
  }

  /** Returns the value and forgets it (state that is used once). */
  @SuppressWarnings("unchecked")
  public F take(T owner) {
    if (usesSlot && owner instanceof InjectedSlot) {
      InjectedSlot slot = (InjectedSlot) owner;
      Object value = slot.vireo$slot();
      if (value != null) {
        slot.vireo$slot(null);
      }
      return (F) value;
    }
    if (map.isEmpty()) {
      return null;
    }
    expunge(MAX_EXPUNGED_PER_CALL);
    return map.remove(new Lookup(owner));
  }

  public void set(T owner, F value) {
    if (usesSlot && owner instanceof InjectedSlot) {
      ((InjectedSlot) owner).vireo$slot(value);
      return;
    }
    expunge(MAX_EXPUNGED_PER_CALL);
    if (value == null) {
      if (!map.isEmpty()) {
        map.remove(new Lookup(owner));
      }
    } else {
      map.put(new WeakKey(owner, map), value);
    }
  }

  /** For tests and health checks. */
  public int size() {
    expunge(Integer.MAX_VALUE);
    return map.size();
  }

  /** Entries held, including those of collected owners not yet removed (for tests). */
  int storedEntries() {
    return map.size();
  }

  private static void expunge(int max) {
    Object ref;
    for (int i = 0; i < max && (ref = COLLECTED.poll()) != null; i++) {
      ((WeakKey) ref).removeEntry();
    }
  }

  /** The stored key; equal to a {@link Lookup} of the same referent. */
  private static final class WeakKey extends WeakReference<Object> {
    private final int hash;
    private final ConcurrentHashMap<Object, ?> map;

    WeakKey(Object referent, ConcurrentHashMap<Object, ?> map) {
      super(referent, COLLECTED);
      this.hash = System.identityHashCode(referent);
      this.map = map;
    }

    void removeEntry() {
      map.remove(this);
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
