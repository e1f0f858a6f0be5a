package dev.vireo.tooling.install;

import static org.assertj.core.api.Assertions.assertThat;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.reflect.Method;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class ClassFileVersionUpgradeTest {

  private static final String NAME = "dev.vireo.testlib.OldClassFile";

  @Test
  void aJava6ClassWithBranchesIsRaisedTo51AndStillVerifies() throws Exception {
    byte[] java6 = java6ClassWithABranch();
    assertThat(majorVersion(java6)).isEqualTo(50);

    ClassFileLocator locator = new ClassFileLocator.Compound(
        ClassFileLocator.Simple.of(NAME, java6), ClassFileLocator.ForClassLoader.ofSystemLoader());
    TypeDescription type = TypePool.Default.of(locator).describe(NAME).resolve();
    byte[] raised =
        new ByteBuddy()
            .decorate(type, locator)
            .visit(ClassFileVersionUpgrade.INSTANCE)
            .visit(Advice.to(CountingAdvice.class).on(named("twice"))) // like a module's advice: on one method only
            .make()
            .getBytes();

    assertThat(majorVersion(raised)).isEqualTo(51);
    // As the agent transforms (decorate): unchanged methods would be copied as they are, without frames.
    // Version 51 is verified with stack map frames only: without computed frames loading fails with a VerifyError.
    Class<?> loaded = new ClassLoader(null) {
      Class<?> define() {
        return defineClass(NAME, raised, 0, raised.length);
      }
    }.define();
    Method sign = loaded.getMethod("sign", int.class);
    assertThat(sign.invoke(null, -5)).isEqualTo(-1);
    assertThat(sign.invoke(null, 7)).isEqualTo(1);
    assertThat(loaded.getMethod("twice", int.class).invoke(null, 4)).isEqualTo(8);
  }

  /** Inlined for the test only; the agent binds its advice with invokedynamic. */
  public static final class CountingAdvice {
    @Advice.OnMethodEnter
    static void enter() {}
  }

  /** {@code public static int sign(int x) { return x < 0 ? -1 : 1; }} in a version 50 class file without frames. */
  private static byte[] java6ClassWithABranch() {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V1_6, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, NAME.replace('.', '/'), null, "java/lang/Object", null);
    MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "sign", "(I)I", null, null);
    method.visitCode();
    Label positive = new Label();
    method.visitVarInsn(Opcodes.ILOAD, 0);
    method.visitJumpInsn(Opcodes.IFGE, positive);
    method.visitInsn(Opcodes.ICONST_M1);
    method.visitInsn(Opcodes.IRETURN);
    method.visitLabel(positive);
    method.visitInsn(Opcodes.ICONST_1);
    method.visitInsn(Opcodes.IRETURN);
    method.visitMaxs(1, 1);
    method.visitEnd();
    MethodVisitor twice = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "twice", "(I)I", null, null);
    twice.visitCode();
    twice.visitVarInsn(Opcodes.ILOAD, 0);
    twice.visitInsn(Opcodes.ICONST_2);
    twice.visitInsn(Opcodes.IMUL);
    twice.visitInsn(Opcodes.IRETURN);
    twice.visitMaxs(2, 1);
    twice.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static int majorVersion(byte[] classFile) {
    return ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
  }
}
