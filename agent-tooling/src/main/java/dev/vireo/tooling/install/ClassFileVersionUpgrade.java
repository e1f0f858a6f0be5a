package dev.vireo.tooling.install;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Raises a class file older than Java 7 to version 51, so that advice can be bound with
 * invokedynamic (libraries still built for Java 5 or 6, such as Apache HttpClient 4). Version 51
 * requires stack map frames, which older class files lack: the writer computes them all.
 */
final class ClassFileVersionUpgrade extends AsmVisitorWrapper.AbstractBase {

  static final ClassFileVersionUpgrade INSTANCE = new ClassFileVersionUpgrade();

  private ClassFileVersionUpgrade() {}

  @Override
  public int mergeWriter(int flags) {
    return flags | ClassWriter.COMPUTE_FRAMES;
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
      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        int major = version & 0xFFFF;
        super.visit(major < Opcodes.V1_7 ? Opcodes.V1_7 : version, access, name, signature, superName, interfaces);
      }

      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        // A method passed straight to ASM's writer would be copied as it was, without frames: pass
        // every method through a visitor so that its frames are computed.
        MethodVisitor writer = super.visitMethod(access, name, descriptor, signature, exceptions);
        return writer == null ? null : new MethodVisitor(OpenedClassReader.ASM_API, writer) {};
      }
    };
  }
}
