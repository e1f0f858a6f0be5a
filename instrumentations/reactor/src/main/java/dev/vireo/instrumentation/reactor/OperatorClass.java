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
   * Reactor's class loader's publisher classes in the order first seen, copy-on-write. Classes of other class loaders
   * are not kept here, so that nothing pins them: they are answered by the {@code ClassValue}.
   */
  private static volatile Kept kept = new Kept(new Class<?>[0], new OperatorClass[0]);

  /** Classes kept at most; past that, lookups fall back to the {@code ClassValue}. */
  private static final int MAX_ENTRIES = 256;

  /**
   * Parallel arrays, {@code classes[i]} being what is known of {@code types[i]}, searched by comparing references. A
   * lookup reads the reference of the class it looks for and this small array, both in cache; any hash of a class
   * reads the class object itself (its identity hash in its header, or five references into its {@code ClassValue}
   * map), which is likely out of the event loop's cache by the next assembly of that class. In a WebFlux app's CPU
   * profile the lookups took 9 to 10 µs per request with a table hashed by identity (the {@code ClassValue} before it,
   * about 12) and 5.5 to 6.6 µs with this scan; keeping the latest classes first instead made no difference.
   */
  private static final class Kept {
    final Class<?>[] types;
    final OperatorClass[] classes;

    Kept(Class<?>[] types, OperatorClass[] classes) {
      this.types = types;
      this.classes = classes;
    }
  }

  static OperatorClass of(Object publisher) {
    return of(publisher.getClass());
  }

  static OperatorClass of(Class<?> type) {
    Kept table = kept;
    int index = indexOf(table.types, type);
    return index >= 0 ? table.classes[index] : missed(type);
  }

  private static OperatorClass missed(Class<?> type) {
    OperatorClass operatorClass = CLASSES.get(type);
    if (type.getClassLoader() == Mono.class.getClassLoader()) {
      keep(type, operatorClass);
    }
    return operatorClass;
  }

  private static synchronized void keep(Class<?> type, OperatorClass operatorClass) {
    Kept table = kept;
    int size = table.types.length;
    if (size >= MAX_ENTRIES || indexOf(table.types, type) >= 0) {
      return;
    }
    Class<?>[] types = Arrays.copyOf(table.types, size + 1);
    OperatorClass[] classes = Arrays.copyOf(table.classes, size + 1);
    types[size] = type;
    classes[size] = operatorClass;
    kept = new Kept(types, classes);
  }

  /** Whether {@code type} is in the table (tests). */
  static boolean kept(Class<?> type) {
    return indexOf(kept.types, type) >= 0;
  }

  private static int indexOf(Class<?>[] types, Class<?> type) {
    for (int i = 0; i < types.length; i++) {
      if (types[i] == type) {
        return i;
      }
    }
    return -1;
  }

  static Access access(Class<?> type) {
    if (MonoOperator.class.isAssignableFrom(type)) {
      return Access.MONO_OPERATOR;
    }
    if (FluxOperator.class.isAssignableFrom(type)) {
      return Access.FLUX_OPERATOR;
    }
    String name = type.getName();
    if (name.startsWith(OperatorKind.PACKAGE)
        && NO_INPUT_NAMES.contains(name.substring(OperatorKind.PACKAGE.length()))) {
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
