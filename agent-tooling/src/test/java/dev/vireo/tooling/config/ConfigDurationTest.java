package dev.vireo.tooling.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigDurationTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "250|250",
        "250ms|250",
        "2s|2000",
        "1m|60000",
        "2h|7200000",
        "1d|86400000",
        " 3 S |3000",
        "0|0",
        "-1|-1",
        "1.5s|-1",
        "10 seconds|-1",
        "s|-1",
        "|-1",
        "99999999999999999999|-1",
        "9223372036854ms|9223372036854",
        "9223372036855ms|-1",
        "106752d|-1",
      })
  void sdkSyntax(String value, long expectedMillis) {
    assertThat(ConfigDuration.parseMillis(value)).isEqualTo(expectedMillis);
  }
}
