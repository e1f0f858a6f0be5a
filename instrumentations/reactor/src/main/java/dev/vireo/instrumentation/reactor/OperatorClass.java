package dev.vireo.instrumentation.reactor;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import reactor.core.Scannable;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;

/**
 * A publisher class as the context hook sees it, decided once per class: its {@link OperatorKind} and how to read an
 * instance's input and lifter. Operators are read through the class they extend ({@code MonoOperator}, {@code
 * FluxOperator}) rather than cast to {@code Scannable}, for the reason {@link ContextLifter#install} gives, and the
 * {@code Mono}s known to have no input ({@code defer}, {@code zip}, {@code then}, ...) are not read at all.
 */
final class OperatorClass {

  /** How an instance's input is read. */
  enum Access {
    MONO_OPERATOR,
    FLUX_OPERATOR,
    /** Has no input ({@code Scannable.Attr.PARENT} is null on Reactor 3.4 to 3.8): subscribes to its inner Monos only. */
    NO_INPUT,
    /** Anything else: through {@code Scannable}, the cast this class avoids where it can. */
    SCANNABLE
  }

  // INNER_MONOS whose input, if any, is among their inner Monos (Mono.defer, zip, then, firstWithSignal, using)
  static final Set<String> NO_INPUT_NAMES = new HashSet<>(Arrays.asList(
      "MonoDefer", "MonoDeferContextual", "MonoZip", "MonoIgnoreThen", "MonoFirstWithSignal", "MonoUsing"));

  private static final String PACKAGE = "reactor.core.publisher.";

  private static final ClassValue<OperatorClass> CLASSES = new ClassValue<OperatorClass>() {
    @Override
    protected OperatorClass computeValue(Class<?> type) {
      return new OperatorClass(OperatorKind.classify(type), access(type));
    }
  };

  final OperatorKind kind;
  final Access access;

  private OperatorClass(OperatorKind kind, Access access) {
    this.kind = kind;
    this.access = access;
  }

  /**
   * Copy-on-write, open-addressed table of Reactor's class loader's publisher classes: {@code [class, OperatorClass,
   * ...]} pairs, looked up by identity hash. One small array every assembly reads stays in cache, where a {@code
   * ClassValue} lookup follows five references into objects of each class's own (its map, the map's cache array, the
   * entry, its weak referent, the value): in a WebFlux app's CPU profile (117 assemblies per request) the lookups took
   * 3.4 to 3.7 % of the app's CPU that way, 1.9 to 2.4 % with this table. Classes of other class loaders are not kept
   * here, so that nothing pins them.
   */
  private static volatile Object[] table = new Object[2 * 64];

  private static int entries;

  /** Classes kept at most; past that, lookups fall back to the {@code ClassValue}. */
  private static final int MAX_ENTRIES = 1024;

  static OperatorClass of(Object publisher) {
    return of(publisher.getClass());
  }

  static OperatorClass of(Class<?> type) {
    Object[] slots = table;
    int mask = (slots.length >> 1) - 1;
    int slot = spread(System.identityHashCode(type)) & mask;
    for (int probes = 0; probes <= mask; probes++) {
      Object key = slots[slot << 1];
      if (key == type) {
        return (OperatorClass) slots[(slot << 1) + 1];
      }
      if (key == null) {
        break;
      }
      slot = (slot + 1) & mask;
    }
    return missed(type);
  }

  private static OperatorClass missed(Class<?> type) {
    OperatorClass operatorClass = CLASSES.get(type);
    if (type.getClassLoader() == Mono.class.getClassLoader()) {
      keep(type, operatorClass);
    }
    return operatorClass;
  }

  private static synchronized void keep(Class<?> type, OperatorClass operatorClass) {
    if (entries >= MAX_ENTRIES || contains(table, type)) {
      return;
    }
    Object[] slots = table;
    int capacity = slots.length >> 1;
    // at most half full, so that a probe ends soon at an empty slot
    Object[] copy = new Object[(entries + 1) * 2 > capacity ? slots.length * 2 : slots.length];
    for (int i = 0; i < slots.length; i += 2) {
      if (slots[i] != null) {
        put(copy, (Class<?>) slots[i], slots[i + 1]);
      }
    }
    put(copy, type, operatorClass);
    entries++;
    table = copy;
  }

  /** Whether {@code type} is in the table (tests). */
  static boolean kept(Class<?> type) {
    return contains(table, type);
  }

  private static boolean contains(Object[] slots, Class<?> type) {
    for (int i = 0; i < slots.length; i += 2) {
      if (slots[i] == type) {
        return true;
      }
    }
    return false;
  }

  private static void put(Object[] slots, Class<?> type, Object value) {
    int mask = (slots.length >> 1) - 1;
    int slot = spread(System.identityHashCode(type)) & mask;
    while (slots[slot << 1] != null) {
      slot = (slot + 1) & mask;
    }
    slots[slot << 1] = type;
    slots[(slot << 1) + 1] = value;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  static Access access(Class<?> type) {
    if (MonoOperator.class.isAssignableFrom(type)) {
      return Access.MONO_OPERATOR;
    }
    if (FluxOperator.class.isAssignableFrom(type)) {
      return Access.FLUX_OPERATOR;
    }
    String name = type.getName();
    if (name.startsWith(PACKAGE) && NO_INPUT_NAMES.contains(name.substring(PACKAGE.length()))) {
      return Access.NO_INPUT;
    }
    return Access.SCANNABLE;
  }

  /** The publisher {@code publisher} (of this class) subscribes to as its input, or null. */
  Object upstream(Object publisher) {
    return access == Access.NO_INPUT ? null : scan(publisher, Scannable.Attr.PARENT);
  }

  /** {@code publisher}'s (of this class) answer to {@code key}. */
  Object scan(Object publisher, Scannable.Attr<?> key) {
    switch (access) {
      case MONO_OPERATOR:
        return ((MonoOperator<?, ?>) publisher).scanUnsafe(key);
      case FLUX_OPERATOR:
        return ((FluxOperator<?, ?>) publisher).scanUnsafe(key);
      default:
        return publisher instanceof Scannable ? ((Scannable) publisher).scanUnsafe(key) : null;
    }
  }
}
