package dev.vireo.tooling.install;

import dev.vireo.bootstrap.VireoLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Transformation outcomes, logged in debug. A failed transformation leaves the class as it was. */
final class TransformationListener extends AgentBuilder.Listener.Adapter {

  private final ClassHeaderHierarchy hierarchy;

  TransformationListener(ClassHeaderHierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  @Override
  public void onTransformation(
      TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded, DynamicType dynamicType) {
    if (VireoLog.isDebugEnabled()) {
      VireoLog.debug("instrumented {} ({})", type.getName(), loader);
    }
  }

  @Override
  public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
    VireoLog.debug("could not instrument {} ({}), left unchanged: {}", typeName, loader, error);
  }

  @Override
  public void onComplete(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
    hierarchy.exit();
  }
}
