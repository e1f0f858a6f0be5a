package dev.vireo.tooling.install;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.vireo.bootstrap.InjectedSlot;
import java.io.Serializable;
import java.util.Arrays;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Adds the {@link InjectedSlot} field and its two accessors to a class. Only allowed while the class
 * is first defined, or when it is retransformed after having been defined with them: a
 * retransformation starts again from the original class file and must add the same members, since
 * the JVM refuses any change of a loaded class's shape ({@link #appliesTo}).
 */
final class SlotInjection extends AsmVisitorWrapper.AbstractBase {

  static final SlotInjection INSTANCE = new SlotInjection();

  private static final String INTERFACE = Type.getInternalName(InjectedSlot.class);
  private static final String FIELD = InjectedSlot.FIELD_NAME;
  private static final String OBJECT = "Ljava/lang/Object;";

  private SlotInjection() {}

  /**
   * Whether a class may get the slot now: {@code type} describes the loaded class (Byte Buddy's
   * hybrid description strategy does so exactly when the class is being retransformed), so a class
   * being defined gets it, and a loaded class only if it was defined with it. A serializable class
   * without its own {@code serialVersionUID} never gets it: the JVM derives that class's default one
   * from its interfaces and members, so the new ones would make instances serialized without the
   * agent unreadable with it, and the other way round ({@code ForkJoinTask} declares one).
   */
  static boolean appliesTo(TypeDescription type) {
    if (type.isAssignableTo(Serializable.class)
        && type.getDeclaredFields().filter(named("serialVersionUID")).isEmpty()) {
      return false;
    }
    return !(type instanceof TypeDescription.ForLoadedType) || type.isAssignableTo(InjectedSlot.class);
  }

  @Override
  public ClassVisitor wrap(
      TypeDescription instrumentedType,
      ClassVisitor classVisitor,
      Implementation.Context implementationContext,
      TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields,
      MethodList<?> methods,
      int writerFlags,
      int readerFlags) {
    return new ClassVisitor(OpenedClassReader.ASM_API, classVisitor) {
      private String owner;
      private boolean present;

      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        owner = name;
        present = interfaces != null && Arrays.asList(interfaces).contains(INTERFACE);
        if (present) { // two declarations for one type: one slot
          super.visit(version, access, name, signature, superName, interfaces);
          return;
        }
        String[] extended = interfaces == null ? new String[1] : Arrays.copyOf(interfaces, interfaces.length + 1);
        extended[extended.length - 1] = INTERFACE;
        if (signature != null) {
          signature = signature + "L" + INTERFACE + ";";
        }
        super.visit(version, access, name, signature, superName, extended);
      }

      @Override
      public void visitEnd() {
        if (present) {
          super.visitEnd();
          return;
        }
        // transient: never serialized with the object; synthetic: tools and reflection-based mappers skip it
        super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC, FIELD, OBJECT, null, null)
            .visitEnd();
        MethodVisitor getter =
            super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, FIELD, "()" + OBJECT, null, null);
        getter.visitCode();
        getter.visitVarInsn(Opcodes.ALOAD, 0);
        getter.visitFieldInsn(Opcodes.GETFIELD, owner, FIELD, OBJECT);
        getter.visitInsn(Opcodes.ARETURN);
        getter.visitMaxs(1, 1);
        getter.visitEnd();
        MethodVisitor setter =
            super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, FIELD, "(" + OBJECT + ")V", null, null);
        setter.visitCode();
        setter.visitVarInsn(Opcodes.ALOAD, 0);
        setter.visitVarInsn(Opcodes.ALOAD, 1);
        setter.visitFieldInsn(Opcodes.PUTFIELD, owner, FIELD, OBJECT);
        setter.visitInsn(Opcodes.RETURN);
        setter.visitMaxs(2, 2);
        setter.visitEnd();
        super.visitEnd();
      }
    };
  }
}
