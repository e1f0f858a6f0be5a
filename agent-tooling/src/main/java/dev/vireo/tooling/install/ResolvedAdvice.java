package dev.vireo.tooling.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * One type instrumentation's advice, resolved once per class loader of the classes it changes. Byte Buddy's
 * {@code Transformer.ForAdvice} reads each advice class file and resolves its methods again for every class it
 * transforms; resolved advice is immutable, and what it resolves against (the advice class, the library types
 * of its parameters) is the same for every class of one loader. Held weakly per loader, and released with the type
 * caches once classes stop being transformed ({@link IdleCacheRelease}).
 */
final class ResolvedAdvice {

  private final Advice.WithCustomMapping mapping;
  private final Advice.ExceptionHandler exceptionHandler;
  private final ClassFileLocator adviceClasses;
  private final List<ElementMatcher<? super MethodDescription>> methods = new ArrayList<>();
  private final List<String> adviceClassNames = new ArrayList<>();
  private final Map<ClassLoader, AsmVisitorWrapper> byLoader = new WeakHashMap<>(); // the bootstrap loader as null

  ResolvedAdvice(Advice.WithCustomMapping mapping, Advice.ExceptionHandler exceptionHandler, ClassLoader agentLoader) {
    this.mapping = mapping;
    this.exceptionHandler = exceptionHandler;
    this.adviceClasses = ClassFileLocator.ForClassLoader.of(agentLoader);
  }

  /** Adds advice for the methods {@code methods} matches; before the first class is transformed. */
  void add(ElementMatcher<? super MethodDescription> methods, String adviceClassName) {
    this.methods.add(methods);
    this.adviceClassNames.add(adviceClassName);
  }

  /** The advice for a class of {@code loader}, resolving it on first use. */
  AsmVisitorWrapper forLoader(ClassLoader loader) {
    AsmVisitorWrapper resolved;
    synchronized (byLoader) {
      resolved = byLoader.get(loader);
    }
    if (resolved == null) {
      resolved = resolve(loader); // outside the lock: two threads may both resolve, to equal advice
      synchronized (byLoader) {
        byLoader.put(loader, resolved);
      }
    }
    return resolved;
  }

  /** Forgets the resolved advice of every loader. */
  void clear() {
    synchronized (byLoader) {
      byLoader.clear();
    }
  }

  private AsmVisitorWrapper resolve(ClassLoader loader) {
    // the loader's own classes are looked up through a weak reference: the advice is kept per loader, weakly
    ClassFileLocator locator =
        new ClassFileLocator.Compound(adviceClasses, ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader));
    TypePool pool = AgentBuilder.PoolStrategy.Default.FAST.typePool(locator, loader);
    AsmVisitorWrapper.ForDeclaredMethods wrapper = new AsmVisitorWrapper.ForDeclaredMethods();
    for (int i = 0; i < methods.size(); i++) {
      Advice advice =
          mapping
              .to(pool.describe(adviceClassNames.get(i)).resolve(), locator)
              .withAssigner(Assigner.DEFAULT)
              .withExceptionHandler(exceptionHandler);
      wrapper = wrapper.invokable(methods.get(i), advice);
    }
    return wrapper;
  }
}
