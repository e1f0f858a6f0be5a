package dev.vireo.tooling.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.InjectedSlot;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.Callable;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class SlotInjectionTest {

  /** A generic class with interfaces of its own, as ForkJoinTask is. */
  public static class Task<V> implements Callable<V>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public V call() {
      return null;
    }
  }

  @Test
  void theClassGainsAPrivateTransientFieldAndImplementsInjectedSlot() throws Exception {
    Class<?> injected = injectedCopyOf(Task.class);

    assertThat(injected.getInterfaces()).containsExactly(Callable.class, Serializable.class, InjectedSlot.class);
    // the generic signature names the interface too, or reflection would disagree with the class file
    assertThat(injected.getGenericInterfaces()).hasSize(3);
    assertThat(injected.getGenericInterfaces()[2]).isEqualTo(InjectedSlot.class);
    Field field = injected.getDeclaredField(InjectedSlot.FIELD_NAME);
    assertThat(Modifier.isPrivate(field.getModifiers())).isTrue();
    assertThat(Modifier.isTransient(field.getModifiers())).isTrue();
    assertThat(field.isSynthetic()).isTrue();

    InjectedSlot slot = (InjectedSlot) injected.getDeclaredConstructor().newInstance();
    assertThat(slot.vireo$slot()).isNull();
    slot.vireo$slot("context");
    assertThat(slot.vireo$slot()).isEqualTo("context");
    slot.vireo$slot(null);
    assertThat(slot.vireo$slot()).isNull();
  }

  @Test
  void twoDeclarationsForOneTypeGiveOneSlot() throws Exception {
    Class<?> injected = injectedCopyOf(Task.class, 2);

    assertThat(injected.getInterfaces()).containsOnlyOnce(InjectedSlot.class);
    assertThat(injected.getDeclaredFields()).filteredOn(f -> f.getName().equals(InjectedSlot.FIELD_NAME)).hasSize(1);
  }

  /** Serializable, with the default serialVersionUID the JVM derives from its members and interfaces. */
  public static class SerializableWithoutUid implements Serializable {}

  @Test
  void aSerializableClassWithoutItsOwnSerialVersionUidNeverGetsTheSlot() throws Exception {
    TypePool pool = TypePool.Default.ofSystemLoader();
    assertThat(SlotInjection.appliesTo(pool.describe(SerializableWithoutUid.class.getName()).resolve())).isFalse();
    // the task declares one (as ForkJoinTask does): the slot leaves its serialized form alone
    assertThat(SlotInjection.appliesTo(pool.describe(Task.class.getName()).resolve())).isTrue();
    assertThat(java.io.ObjectStreamClass.lookup(injectedCopyOf(Task.class)).getSerialVersionUID())
        .isEqualTo(java.io.ObjectStreamClass.lookup(Task.class).getSerialVersionUID());
  }

  @Test
  void aClassBeingDefinedGetsTheSlotALoadedOneOnlyIfItWasDefinedWithIt() throws Exception {
    TypeDescription beingDefined = TypePool.Default.ofSystemLoader().describe(Task.class.getName()).resolve();
    assertThat(SlotInjection.appliesTo(beingDefined)).isTrue();
    // retransforming a class defined without the slot must not change its shape: the JVM would refuse it
    assertThat(SlotInjection.appliesTo(TypeDescription.ForLoadedType.of(Task.class))).isFalse();
    // retransforming one defined with it must add it again: retransformation starts from the original bytes
    assertThat(SlotInjection.appliesTo(TypeDescription.ForLoadedType.of(injectedCopyOf(Task.class)))).isTrue();
  }

  private static Class<?> injectedCopyOf(Class<?> type) throws Exception {
    return injectedCopyOf(type, 1);
  }

  /** Decorates the class as the agent does, {@code times} times over, and defines it in a fresh loader. */
  private static Class<?> injectedCopyOf(Class<?> type, int times) throws Exception {
    ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(type.getClassLoader());
    byte[] bytes = locator.locate(type.getName()).resolve();
    for (int i = 0; i < times; i++) {
      ClassFileLocator current = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(type.getName(), bytes), locator);
      TypeDescription description = TypePool.Default.of(current).describe(type.getName()).resolve();
      bytes = new ByteBuddy().decorate(description, current).visit(SlotInjection.INSTANCE).make().getBytes();
    }
    byte[] injected = bytes;
    return new ClassLoader(SlotInjectionTest.class.getClassLoader()) {
      Class<?> define() {
        return defineClass(type.getName(), injected, 0, injected.length);
      }
    }.define();
  }
}
