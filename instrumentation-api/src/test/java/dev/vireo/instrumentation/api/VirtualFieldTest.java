package dev.vireo.instrumentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vireo.bootstrap.InjectedSlot;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class VirtualFieldTest {

  @Test
  void valuesAreKeptByIdentityWhileTheOwnerLives() {
    VirtualField<String, Integer> field = VirtualField.create();
    String owner = new String("a");
    field.set(owner, 1);
    assertThat(field.get(owner)).isEqualTo(1);
    assertThat(field.get(new String("a"))).isNull(); // equal, not the same
    assertThat(field.take(owner)).isEqualTo(1);
    assertThat(field.get(owner)).isNull();
  }

  /** An owner as the agent makes it: a class it gave the slot field as it loaded. */
  private static final class Slotted implements InjectedSlot {
    private Object slot;

    @Override
    public Object vireo$slot() {
      return slot;
    }

    @Override
    public void vireo$slot(Object value) {
      slot = value;
    }
  }

  @Test
  void aFieldInTheInjectedSlotKeepsItsValuesThereAndNothingInTheMap() {
    VirtualField<Object, String> field = VirtualField.createInInjectedSlot();
    Slotted owner = new Slotted();
    field.set(owner, "context");
    assertThat(owner.slot).isEqualTo("context");
    assertThat(field.storedEntries()).isZero();
    assertThat(field.get(owner)).isEqualTo("context");
    assertThat(field.take(owner)).isEqualTo("context");
    assertThat(owner.slot).isNull();
    assertThat(field.take(owner)).isNull();
    field.set(owner, "again");
    field.set(owner, null);
    assertThat(owner.slot).isNull();
  }

  @Test
  void aFieldInTheInjectedSlotUsesItsMapForOwnersWithoutOne() {
    VirtualField<Object, String> field = VirtualField.createInInjectedSlot();
    Object loadedBeforeTheAgent = new Object();
    field.set(loadedBeforeTheAgent, "context");
    assertThat(field.storedEntries()).isEqualTo(1);
    assertThat(field.get(loadedBeforeTheAgent)).isEqualTo("context");
    assertThat(field.take(loadedBeforeTheAgent)).isEqualTo("context");
    assertThat(field.storedEntries()).isZero();
  }

  @Test
  void aPlainFieldNeverTouchesTheSlot() {
    VirtualField<Object, String> field = VirtualField.create();
    Slotted owner = new Slotted();
    field.set(owner, "context");
    assertThat(owner.slot).isNull();
    assertThat(field.get(owner)).isEqualTo("context");
  }

  /**
   * The tester's case: state stored for 100,000 objects that are then dropped (dependents of
   * futures that never complete), and afterwards the field is only read. The entries of the
   * collected owners must go, a bounded number per call.
   */
  @Test
  void entriesOfCollectedOwnersAreRemovedByReadsBoundedPerCall() {
    VirtualField<Object, Object> field = VirtualField.create();
    Object live = new Object();
    field.set(live, "live");
    for (int i = 0; i < 100_000; i++) {
      field.set(new Object(), new byte[16]);
    }
    long heapWithStaleEntries = usedHeapAfterFullGc();
    int stored = field.storedEntries();
    assertThat(stored).isGreaterThan(1);

    long deadline = System.nanoTime() + 60_000_000_000L; // a bound for a broken build, not the proof
    int reads = 0;
    int callsThatRemovedSome = 0;
    while (field.storedEntries() > 1) {
      ManagementFactory.getMemoryMXBean().gc();
      for (int i = 0; i < 4_000 && field.storedEntries() > 1; i++) {
        int before = field.storedEntries();
        assertThat(field.get(live)).isEqualTo("live");
        reads++;
        int removed = before - field.storedEntries();
        assertThat(removed).isBetween(0, VirtualField.MAX_EXPUNGED_PER_CALL);
        if (removed > 0) {
          callsThatRemovedSome++;
        }
      }
      if (System.nanoTime() > deadline) {
        fail("after %d reads still %d entries stored", reads, field.storedEntries());
      }
    }
    long heapAfterReads = usedHeapAfterFullGc();
    System.out.printf(
        "VirtualField: %d entries of collected owners removed by %d reads (%d of which removed some);"
            + " heap after full GC %.2f MiB with them, %.2f MiB after the reads%n",
        stored - 1, reads, callsThatRemovedSome, heapWithStaleEntries / 1048576.0, heapAfterReads / 1048576.0);
    assertThat(field.storedEntries()).isEqualTo(1);
    assertThat(field.get(live)).isEqualTo("live");
    // 100,000 stale entries at up to 64 per call take at least 1,563 calls
    assertThat(callsThatRemovedSome).isGreaterThanOrEqualTo((stored - 1) / VirtualField.MAX_EXPUNGED_PER_CALL);
  }

  @Test
  void theRemovalThreadLetsGoOfCollectedOwnersWithoutAnyFurtherUseOfTheField() throws Exception {
    VirtualField<Object, Object> field = VirtualField.create();
    Object live = new Object();
    field.set(live, "live");
    for (int i = 0; i < 10_000; i++) {
      field.set(new Object(), new byte[16]);
    }
    Thread removal =
        new Thread(
            () -> {
              try {
                VirtualField.removeCollectedEntries();
              } catch (InterruptedException stop) {
                // the test is over
              }
            });
    removal.setDaemon(true);
    removal.start();
    try {
      long deadline = System.nanoTime() + 60_000_000_000L; // a bound for a broken build, not the proof
      while (field.storedEntries() > 1) { // storedEntries() only reads the map's size
        ManagementFactory.getMemoryMXBean().gc();
        if (System.nanoTime() > deadline) {
          fail("still %d entries stored", field.storedEntries());
        }
        Thread.sleep(10);
      }
    } finally {
      removal.interrupt();
      removal.join(10_000);
    }
    assertThat(removal.isAlive()).isFalse();
    assertThat(field.get(live)).isEqualTo("live");
  }

  private static long usedHeapAfterFullGc() {
    for (int i = 0; i < 3; i++) {
      ManagementFactory.getMemoryMXBean().gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
