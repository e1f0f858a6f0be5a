package dev.vireo.tooling.install;

import dev.vireo.instrumentation.spi.MethodNameIndex;
import java.io.IOException;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * The class being transformed on this thread: its name, where its class file and those of its super types are
 * read, and its loader's header cache. Set when Byte Buddy asks for the type pool of a class, cleared when the
 * class is done; one mutable holder per thread, so class loading allocates nothing for it.
 */
final class TransformedClass {

  private static final ThreadLocal<TransformedClass> CURRENT =
      new ThreadLocal<TransformedClass>() {
        @Override
        protected TransformedClass initialValue() {
          return new TransformedClass();
        }
      };

  private String name;
  private ClassFileLocator locator;
  private ClassHeaders headers;
  private MethodNameIndex.Table namesTable; // what declaredMethodNames was read against; null until it is
  private long declaredMethodNames;

  private TransformedClass() {}

  static void enter(String name, ClassFileLocator locator, ClassHeaders headers) {
    TransformedClass current = CURRENT.get();
    current.name = name;
    current.locator = locator;
    current.headers = headers;
    current.namesTable = null;
  }

  static void exit() {
    TransformedClass current = CURRENT.get();
    current.name = null;
    current.locator = null;
    current.headers = null;
    current.namesTable = null;
  }

  /** The class being transformed, if it is the named one; otherwise null. */
  static TransformedClass ifNamed(String typeName) {
    TransformedClass current = CURRENT.get();
    return typeName.equals(current.name) ? current : null;
  }

  String name() {
    return name;
  }

  /**
   * The bits of the {@code names} this class declares methods with, read once per class (every type instrumentation
   * declared with method names asks); -1 (every name) if its class file cannot be read.
   */
  long declaredMethodNames(MethodNameIndex.Table names) {
    if (namesTable != names) {
      long bits = -1L;
      try {
        ClassFileLocator.Resolution resolution = locator.locate(name);
        if (resolution.isResolved()) {
          bits = ClassHeader.declaredMethodNames(resolution.resolve(), names);
        }
      } catch (IOException | IllegalArgumentException e) {
        // unreadable: every instrumentation's own matcher decides
      }
      declaredMethodNames = bits;
      namesTable = names;
    }
    return declaredMethodNames;
  }

  /** The named type's header, from the cache or its class file; null if the class file cannot be found. */
  ClassHeader header(String typeName) throws IOException {
    ClassHeader header = headers.find(typeName);
    if (header == null) {
      ClassFileLocator.Resolution resolution = locator.locate(typeName);
      if (!resolution.isResolved()) {
        return null;
      }
      header = ClassHeader.parse(resolution.resolve());
      headers.add(typeName, header);
    }
    return header;
  }
}
