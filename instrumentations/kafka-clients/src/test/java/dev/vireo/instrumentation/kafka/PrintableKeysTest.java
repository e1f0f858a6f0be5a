package dev.vireo.instrumentation.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrintableKeysTest {

  @Test
  void textKeysAreKept() {
    assertThat(PrintableKeys.of("order-1")).isEqualTo("order-1");
    assertThat(PrintableKeys.of("Bestellung-ä€")).isEqualTo("Bestellung-ä€");
    assertThat(PrintableKeys.of("caf\u00e9".getBytes(StandardCharsets.UTF_8))).isEqualTo("caf\u00e9");
  }

  @Test
  void absentBinaryAndOtherKeysAreLeftOut() {
    assertThat(PrintableKeys.of(null)).isNull();
    assertThat(PrintableKeys.of(42L)).isNull();
    assertThat(PrintableKeys.of("line\nbreak")).isNull();
    assertThat(PrintableKeys.of(new byte[] {0, 1, 2})).isNull();
    assertThat(PrintableKeys.of(new byte[] {(byte) 0xc3, (byte) 0x28})).isNull(); // malformed UTF-8
    assertThat(PrintableKeys.of(new byte[2048])).isNull();
  }
}
