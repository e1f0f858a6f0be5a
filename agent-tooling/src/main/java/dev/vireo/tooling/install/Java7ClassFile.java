package dev.vireo.tooling.install;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/**
 * Rewrites a class file older than Java 7 as a Java 7 one, so the agent's invokedynamic advice call sites are
 * legal in it. Java 7 verification requires stack map frames, which such class files may lack: they are
 * computed for the whole class. (Java 6 compilers never emit the jsr/ret instructions Java 7 forbids.)
 */
enum Java7ClassFile implements AsmVisitorWrapper {
  INSTANCE;

  @Override
  public int mergeWriter(int flags) {
    return flags | ClassWriter.COMPUTE_FRAMES;
  }

  @Override
  public int mergeReader(int flags) {
    return flags;
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
    return new ClassVisitor(Opcodes.ASM9, classVisitor) {
      @Override
      public void visit(
          int version, int access, String name, String signature, String superName, String[] interfaces) {
        int major = version & 0xFFFF;
        super.visit(major < Opcodes.V1_7 ? Opcodes.V1_7 : version, access, name, signature, superName, interfaces);
      }
    };
  }
}
