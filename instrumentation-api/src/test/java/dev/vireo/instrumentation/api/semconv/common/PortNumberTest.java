package dev.vireo.instrumentation.api.semconv.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortNumberTest {

  @Test
  void readsTheDigitsAfterStart() {
    assertThat(PortNumber.parse("shop.example:8443", 13)).isEqualTo(8443);
    assertThat(PortNumber.parse("[::1]:9090", 6)).isEqualTo(9090);
    assertThat(PortNumber.parse("h:0", 2)).isEqualTo(0);
    assertThat(PortNumber.parse("h:65535", 2)).isEqualTo(65535);
    assertThat(PortNumber.parse("h:0000080", 2)).as("leading zeros, as Integer.valueOf read them").isEqualTo(80);
  }

  @Test
  void noPortIsMinusOne() {
    assertThat(PortNumber.parse("h:", 2)).isEqualTo(-1);
    assertThat(PortNumber.parse("h:65536", 2)).isEqualTo(-1);
    assertThat(PortNumber.parse("h:99999999999", 2)).as("no overflow into a valid port").isEqualTo(-1);
    assertThat(PortNumber.parse("h:8x", 2)).isEqualTo(-1);
    assertThat(PortNumber.parse("h:+80", 2)).isEqualTo(-1);
    assertThat(PortNumber.parse("h:-1", 2)).isEqualTo(-1);
  }
}
