package dev.vireo.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadyLineTest {

  @Test
  void formatsAndParsesServiceAndValues() {
    String line = ReadyLine.format("frontend", "port", "41234", "url", "http://127.0.0.1:41234");
    assertThat(line).isEqualTo("READY frontend port=41234 url=http://127.0.0.1:41234");

    ReadyLine parsed = ReadyLine.parse(line).orElseThrow();
    assertThat(parsed.service()).isEqualTo("frontend");
    assertThat(parsed.value("port")).isEqualTo("41234");
    assertThat(parsed.value("url")).isEqualTo("http://127.0.0.1:41234");
  }

  @Test
  void otherLinesAreNotReadyLines() {
    assertThat(ReadyLine.parse("notifier: order placed item=1")).isEmpty();
    assertThat(ReadyLine.parse("READY ")).isEmpty();
    assertThat(ReadyLine.parse(null)).isEmpty();
  }
}
