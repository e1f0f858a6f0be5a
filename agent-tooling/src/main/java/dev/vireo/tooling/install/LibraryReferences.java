package dev.vireo.tooling.install;

import java.util.LinkedHashSet;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * What a module's classes use of the library they instrument: every type, method and field they
 * reference outside the JDK, the agent and the module itself, read from their bytecode.
 */
final class LibraryReferences {

  /** Internal names of referenced library types. */
  final Set<String> types = new LinkedHashSet<>();
  /** {@code owner#name descriptor}, owner in internal form. */
  final Set<String> methods = new LinkedHashSet<>();

  final Set<String> fields = new LinkedHashSet<>();

  private final ModuleClasses moduleClasses;

  private LibraryReferences(ModuleClasses moduleClasses) {
    this.moduleClasses = moduleClasses;
  }

  static LibraryReferences of(ModuleClasses classes) {
    LibraryReferences references = new LibraryReferences(classes);
    for (String name : classes.names()) {
      try {
        Collector collector = references.new Collector(classes.facesApplicationOpenTelemetry(name));
        new ClassReader(classes.bytes(name)).accept(collector, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      } catch (Exception unreadable) {
        // a class we cannot read is checked when it is linked instead
      }
    }
    return references;
  }

  /**
   * JDK, agent and module types need no check against the application; for classes facing the
   * application's OpenTelemetry API, {@code io.opentelemetry} types are the application's and are
   * checked.
   */
  boolean isLibraryType(String internalName, boolean facesApplicationOpenTelemetry) {
    if (facesApplicationOpenTelemetry && internalName.startsWith("io/opentelemetry/")) {
      return true;
    }
    return !(moduleClasses.containsInternalName(internalName)
        || AgentPackages.isAgentInternalName(internalName)
        || internalName.startsWith("javax/annotation/")
        || internalName.startsWith("jdk/")
        || internalName.startsWith("sun/"));
  }

  private void addType(Type type, boolean applicationFacing) {
    while (type.getSort() == Type.ARRAY) {
      type = type.getElementType();
    }
    if (type.getSort() == Type.OBJECT && isLibraryType(type.getInternalName(), applicationFacing)) {
      types.add(type.getInternalName());
    } else if (type.getSort() == Type.METHOD) {
      addType(type.getReturnType(), applicationFacing);
      for (Type argument : type.getArgumentTypes()) {
        addType(argument, applicationFacing);
      }
    }
  }

  private void addOwner(String owner, boolean applicationFacing) {
    if (owner.startsWith("[")) {
      addType(Type.getType(owner), applicationFacing);
    } else if (isLibraryType(owner, applicationFacing)) {
      types.add(owner);
    }
  }

  private final class Collector extends ClassVisitor {
    private final boolean applicationFacing;

    Collector(boolean applicationFacing) {
      super(OpenedClassReader.ASM_API);
      this.applicationFacing = applicationFacing;
    }

    private void addType(Type type) {
      LibraryReferences.this.addType(type, applicationFacing);
    }

    private void addOwner(String owner) {
      LibraryReferences.this.addOwner(owner, applicationFacing);
    }

    private boolean isLibraryType(String internalName) {
      return LibraryReferences.this.isLibraryType(internalName, applicationFacing);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      if (superName != null) {
        addOwner(superName);
      }
      if (interfaces != null) {
        for (String anInterface : interfaces) {
          addOwner(anInterface);
        }
      }
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
      addType(Type.getType(descriptor));
      return null;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      addType(Type.getMethodType(descriptor));
      return new MethodVisitor(OpenedClassReader.ASM_API) {
        @Override
        public void visitMethodInsn(int opcode, String owner, String methodName, String methodDescriptor, boolean isInterface) {
          addType(Type.getMethodType(methodDescriptor));
          if (!owner.startsWith("[") && isLibraryType(owner)) {
            types.add(owner);
            methods.add(owner + "#" + methodName + methodDescriptor);
          }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
          addType(Type.getType(fieldDescriptor));
          if (isLibraryType(owner)) {
            types.add(owner);
            fields.add(owner + "#" + fieldName + ":" + fieldDescriptor);
          }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
          addOwner(type);
        }

        @Override
        public void visitLdcInsn(Object value) {
          if (value instanceof Type) {
            addType((Type) value);
          }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
          addType(Type.getMethodType(descriptor));
          for (Object argument : arguments) {
            if (argument instanceof Handle) {
              Handle handle = (Handle) argument;
              if (isLibraryType(handle.getOwner())) {
                types.add(handle.getOwner());
                if (handle.getTag() >= 5) { // invoke* handles are methods; get/put handles are fields
                  methods.add(handle.getOwner() + "#" + handle.getName() + handle.getDesc());
                }
              }
            }
          }
        }
      };
    }
  }
}
