package dev.vireo.tooling.install;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * The type descriptions' pool strategy, which also tells the header hierarchy which class is being transformed:
 * Byte Buddy asks for the pool once per class, before any matcher runs, with a locator that holds the class file.
 * {@link TransformationListener#onComplete} ends it.
 */
final class ClassHeaderPoolStrategy implements AgentBuilder.PoolStrategy {

  private final AgentBuilder.PoolStrategy descriptions;
  private final ClassHeaderHierarchy hierarchy;
  private final IdleCacheRelease release;

  ClassHeaderPoolStrategy(
      AgentBuilder.PoolStrategy descriptions, ClassHeaderHierarchy hierarchy, IdleCacheRelease release) {
    this.descriptions = descriptions;
    this.hierarchy = hierarchy;
    this.release = release;
  }

  @Override
  public TypePool typePool(ClassFileLocator locator, ClassLoader loader) {
    return descriptions.typePool(locator, loader);
  }

  @Override
  public TypePool typePool(ClassFileLocator locator, ClassLoader loader, String typeName) {
    release.used();
    hierarchy.enter(typeName, locator, loader);
    return descriptions.typePool(locator, loader, typeName);
  }
}
