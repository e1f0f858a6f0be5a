package dev.vireo.tooling.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnFirstCollectionTest {

  @Test
  void looksUpOnTheFirstGetOnlyAndKeepsTheValue() {
    AtomicInteger lookups = new AtomicInteger();
    OnFirstCollection<String> value = new OnFirstCollection<>("test", () -> "bean " + lookups.incrementAndGet());

    assertThat(lookups).hasValue(0);
    assertThat(value.get()).isEqualTo("bean 1");
    assertThat(value.get()).isEqualTo("bean 1");
    assertThat(lookups).hasValue(1);
  }

  @Test
  void aFailedLookUpGivesNullAndIsNotRetried() {
    AtomicInteger lookups = new AtomicInteger();
    OnFirstCollection<String> value =
        new OnFirstCollection<>(
            "test",
            () -> {
              lookups.incrementAndGet();
              throw new NoClassDefFoundError("java/lang/management/ManagementFactory");
            });

    assertThat(value.get()).isNull();
    assertThat(value.get()).isNull();
    assertThat(lookups).hasValue(1);
  }
}
