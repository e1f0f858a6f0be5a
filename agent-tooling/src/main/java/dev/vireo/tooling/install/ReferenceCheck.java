package dev.vireo.tooling.install;

import dev.vireo.bootstrap.VireoLog;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Whether a module's references to its library resolve in a class loader: a library version that
 * lacks a class, method or field the module uses gets no instrumentation (one DEBUG line) instead
 * of a {@code NoSuchMethodError} inside the application. Wrapped in a {@link CachedLoaderMatcher}
 * so it runs once per loader.
 */
final class ReferenceCheck extends ElementMatcher.Junction.AbstractBase<ClassLoader> {

  private final String moduleName;
  private final ModuleClasses moduleClasses;
  private volatile LibraryReferences references;

  ReferenceCheck(String moduleName, ModuleClasses moduleClasses) {
    this.moduleName = moduleName;
    this.moduleClasses = moduleClasses;
  }

  @Override
  public boolean matches(ClassLoader loader) {
    List<String> missing;
    try {
      missing = missingIn(loader);
    } catch (RuntimeException | LinkageError e) {
      missing = java.util.Collections.singletonList("a readable type hierarchy (" + e + ")");
    }
    if (!missing.isEmpty()) {
      VireoLog.debug(
          "instrumentation '{}' skipped for {}: the library there lacks {}", moduleName, loader, missing);
      return false;
    }
    return true;
  }

  List<String> missingIn(ClassLoader loader) {
    LibraryReferences refs = references;
    if (refs == null) {
      refs = LibraryReferences.of(moduleClasses);
      references = refs;
    }
    ClassFileLocator locator =
        loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.of(loader);
    TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
    List<String> missing = new ArrayList<>();
    for (String type : refs.types) {
      if (!pool.describe(type.replace('/', '.')).isResolved()) {
        missing.add("class " + type.replace('/', '.'));
      }
    }
    if (!missing.isEmpty()) {
      return missing;
    }
    for (String method : refs.methods) {
      int hash = method.indexOf('#');
      int paren = method.indexOf('(', hash);
      TypeDescription owner = pool.describe(method.substring(0, hash).replace('/', '.')).resolve();
      if (!hasMethod(owner, method.substring(hash + 1, paren), method.substring(paren))) {
        missing.add("method " + method.replace('/', '.'));
      }
    }
    for (String field : refs.fields) {
      int hash = field.indexOf('#');
      int colon = field.indexOf(':', hash);
      TypeDescription owner = pool.describe(field.substring(0, hash).replace('/', '.')).resolve();
      if (!hasField(owner, field.substring(hash + 1, colon), field.substring(colon + 1))) {
        missing.add("field " + field.replace('/', '.'));
      }
    }
    return missing;
  }

  private static boolean hasMethod(TypeDefinition type, String name, String descriptor) {
    if (type == null) {
      return false;
    }
    for (MethodDescription method : type.getDeclaredMethods()) {
      if (method.getInternalName().equals(name) && method.getDescriptor().equals(descriptor)) {
        return true;
      }
    }
    TypeDescription.Generic superClass = type.getSuperClass();
    if (superClass != null && hasMethod(superClass.asErasure(), name, descriptor)) {
      return true;
    }
    for (TypeDescription.Generic anInterface : type.getInterfaces()) {
      if (hasMethod(anInterface.asErasure(), name, descriptor)) {
        return true;
      }
    }
    // Interfaces inherit Object's public methods.
    return type.isInterface() && hasMethod(TypeDescription.ForLoadedType.of(Object.class), name, descriptor);
  }

  private static boolean hasField(TypeDefinition type, String name, String descriptor) {
    if (type == null) {
      return false;
    }
    for (FieldDescription field : type.getDeclaredFields()) {
      if (field.getName().equals(name) && field.getDescriptor().equals(descriptor)) {
        return true;
      }
    }
    TypeDescription.Generic superClass = type.getSuperClass();
    if (superClass != null && hasField(superClass.asErasure(), name, descriptor)) {
      return true;
    }
    for (TypeDescription.Generic anInterface : type.getInterfaces()) {
      if (hasField(anInterface.asErasure(), name, descriptor)) {
        return true;
      }
    }
    return false;
  }
}
