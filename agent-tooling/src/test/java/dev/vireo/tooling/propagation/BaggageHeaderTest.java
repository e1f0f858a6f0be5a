/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from the W3C Baggage text (HTTP_HEADER_FORMAT.md) and its grammar. */
class BaggageHeaderTest {

  /** {@code key=value[;metadata]} per entry, in the baggage's (key-sorted) order, joined by |. */
  static String describe(Baggage baggage) {
    List<String> entries = new ArrayList<>();
    baggage.forEach(
        (key, entry) -> {
          String metadata = entry.getMetadata().getValue();
          entries.add(key + "=" + entry.getValue() + (metadata.isEmpty() ? "" : ";" + metadata));
        });
    return String.join("|", entries);
  }

  static Stream<Arguments> parsed() {
    return Stream.of(
        // the spec's examples
        Arguments.of(
            List.of(
                "key1=value1;property1;property2, key2 = value2, key3=value3; propertyKey=propertyValue"),
            "key1=value1;property1;property2|key2=value2|key3=value3;propertyKey=propertyValue"),
        Arguments.of(
            List.of("userId=alice,serverNode=DF%2028,isProduction=false"),
            "isProduction=false|serverNode=DF 28|userId=alice"),
        Arguments.of(
            List.of("userId=alice", "serverNode=DF%2028,isProduction=false"),
            "isProduction=false|serverNode=DF 28|userId=alice"),
        Arguments.of(
            List.of("userId =   alice", "serverNode = DF%2028, isProduction = false"),
            "isProduction=false|serverNode=DF 28|userId=alice"),
        Arguments.of(List.of("serverNode=DF%2028"), "serverNode=DF 28"),
        // value grammar: empty, '=' inside, every baggage-octet class
        Arguments.of(List.of("key="), "key="),
        Arguments.of(List.of("key = "), "key="),
        Arguments.of(List.of("k=a=b=="), "k=a=b=="),
        Arguments.of(List.of("k=!#$&'()*+-./:<>?@[]^_`{|}~"), "k=!#$&'()*+-./:<>?@[]^_`{|}~"),
        // percent-decoding: UTF-8, either hex case, '+' is not a space
        Arguments.of(List.of("k=%E2%82%AC"), "k=\u20ac"),
        Arguments.of(List.of("k=%e2%82%ac"), "k=\u20ac"),
        Arguments.of(List.of("k=a+b"), "k=a+b"),
        Arguments.of(List.of("k=%2C%3B%22%5C%25"), "k=,;\"\\%"),
        Arguments.of(List.of("k=%F0%9F%90%A6"), "k=\ud83d\udc26"),
        // octets that are not UTF-8 become U+FFFD
        Arguments.of(List.of("k=%FF"), "k=\ufffd"),
        Arguments.of(List.of("k=a%C3"), "k=a\ufffd"),
        // a '%' that starts no octet is kept as it is
        Arguments.of(List.of("k=100%"), "k=100%"),
        Arguments.of(List.of("k=%zz"), "k=%zz"),
        Arguments.of(List.of("k=%2"), "k=%2"),
        // properties: kept as metadata, OWS trimmed
        Arguments.of(List.of("k=v;p1=a;p2"), "k=v;p1=a;p2"),
        Arguments.of(List.of("k=v ; p1 = a ; p2 "), "k=v;p1=a;p2"),
        Arguments.of(List.of("k=v;p="), "k=v;p="),
        Arguments.of(List.of("k=v;p=%20"), "k=v;p=%20"),
        // key is any RFC 7230 token
        Arguments.of(List.of("!#$%&'*+-.^_`|~09azAZ=v"), "!#$%&'*+-.^_`|~09azAZ=v"),
        Arguments.of(List.of("\tk\t=\tv\t"), "k=v"),
        // duplicates keep the last value
        Arguments.of(List.of("k=v,k=w"), "k=w"),
        Arguments.of(List.of("k=v", "k=w;p"), "k=w;p"),
        // empty members add nothing
        Arguments.of(List.of("a=1,,b=2"), "a=1|b=2"),
        Arguments.of(List.of(",a=1,", ""), "a=1"),
        Arguments.of(List.of(" , ", "a=1"), "a=1"),
        // invalid members are skipped one by one, the others kept
        Arguments.of(List.of("a=1,b c=2,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,noequals,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,=v,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,k=v\"x,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,k=v\\x,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,k=va lue,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,k=va\tlue,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,k=\u00e9,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,k(=v,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,k\u00e9=v,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,k=v;,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,k=v;;p,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,k=v;p q,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,k=v;p=\"x\",d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1,k=v;=x,d=3"), "a=1|d=3"),
        Arguments.of(List.of("a=1", "k=v\u0000", "d=3"), "a=1|d=3"),
        Arguments.of(List.of("bad key=1"), ""));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("parsed")
  void parsesByTheGrammar(List<String> headers, String expected) {
    assertThat(describe(BaggageHeader.parse(headers.iterator()))).isEqualTo(expected);
  }

  @Test
  void keepsOnlyTheFirst64Members() {
    String header =
        IntStream.range(0, 70).mapToObj(i -> "k" + (100 + i) + "=v").collect(Collectors.joining(","));

    Baggage baggage = BaggageHeader.parse(List.of(header).iterator());

    assertThat(baggage.size()).isEqualTo(64);
    assertThat(baggage.getEntryValue("k163")).isEqualTo("v");
    assertThat(baggage.getEntryValue("k164")).isNull();
  }

  @Test
  void countsMembersAcrossFieldsAndSkipsInvalidOnesInTheCount() {
    List<String> headers = new ArrayList<>();
    headers.add("bad key=1");
    for (int i = 0; i < 70; i++) {
      headers.add("k" + (100 + i) + "=v");
    }

    Baggage baggage = BaggageHeader.parse(headers.iterator());

    assertThat(baggage.size()).isEqualTo(64);
    assertThat(baggage.getEntryValue("k163")).isEqualTo("v");
  }

  @Test
  void dropsMembersThatOverflow8192Bytes() {
    String big = "v".repeat(3000);
    List<String> headers = List.of("a=" + big + ",b=" + big, "c=" + big, "z=1");

    Baggage baggage = BaggageHeader.parse(headers.iterator());

    // a and b: 3002 + 1 + 3002 bytes; c would need 3003 more (> 8192), z needs 4
    assertThat(baggage.asMap().keySet()).containsExactlyInAnyOrder("a", "b", "z");
  }

  @Test
  void acceptsExactly8192Bytes() {
    assertThat(BaggageHeader.parse(List.of("k=" + "v".repeat(8190)).iterator()).size())
        .isEqualTo(1);
    assertThat(BaggageHeader.parse(List.of("k=" + "v".repeat(8191)).iterator()).size())
        .isEqualTo(0);
    assertThat(
            BaggageHeader.parse(List.of("a=1", "k=" + "v".repeat(8186)).iterator()).size())
        .isEqualTo(2);
    assertThat(
            BaggageHeader.parse(List.of("a=1", "k=" + "v".repeat(8187)).iterator()).size())
        .isEqualTo(1);
  }

  static Stream<Arguments> formatted() {
    return Stream.of(
        Arguments.of("k", "v", "", "k=v"),
        Arguments.of("serverNode", "DF 28", "", "serverNode=DF%2028"),
        Arguments.of("k", "\u20ac", "", "k=%E2%82%AC"),
        Arguments.of("k", "100%", "", "k=100%25"),
        Arguments.of("k", ",;\"\\", "", "k=%2C%3B%22%5C"),
        Arguments.of("k", "a=b+c", "", "k=a=b+c"),
        Arguments.of("k", "", "", "k="),
        Arguments.of("k", "tab\there", "", "k=tab%09here"),
        Arguments.of("k", "v", "p1=a;p2", "k=v;p1=a;p2"),
        Arguments.of("k", "v", "p1 = a; p2", "k=v;p1 = a; p2"),
        // metadata that is not a property list is left out, the entry is kept
        Arguments.of("k", "v", "not a property", "k=v"),
        Arguments.of("k", "v", "p=\"x\"", "k=v"),
        // a key that is not a token cannot be written
        Arguments.of("bad key", "v", "", ""),
        Arguments.of("k\u00e9", "v", "", ""));
  }

  @ParameterizedTest(name = "[{index}] {0}={1};{2} -> {3}")
  @MethodSource("formatted")
  void writesEntry(String key, String value, String metadata, String expected) {
    Baggage baggage =
        Baggage.builder().put(key, value, BaggageEntryMetadata.create(metadata)).build();

    assertThat(baggage.size()).isEqualTo(1);
    assertThat(BaggageHeader.format(baggage)).isEqualTo(expected);
  }

  @Test
  void writesAtMost64Members() {
    BaggageBuilder builder = Baggage.builder();
    for (int i = 0; i < 70; i++) {
      builder.put("k" + (100 + i), "v");
    }

    String header = BaggageHeader.format(builder.build());

    assertThat(header.split(",")).hasSize(64);
    assertThat(header).startsWith("k100=v,").endsWith(",k163=v");
  }

  @Test
  void writesAtMost8192BytesOfWholeMembers() {
    String big = "v".repeat(3000);
    Baggage baggage =
        Baggage.builder().put("a", big).put("b", big).put("c", big).put("d", "1").build();

    String header = BaggageHeader.format(baggage);

    assertThat(header).isEqualTo("a=" + big + ",b=" + big + ",d=1");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        "plain",
        "with space",
        "100%",
        "%41 is not decoded twice",
        "\u20ac \u00e9 \ud83d\udc26",
        ",;=\"\\",
        "\t\r\n",
        "a+b",
        ""
      })
  void valuesSurviveARoundTrip(String value) {
    Baggage baggage = Baggage.builder().put("k", value).build();

    Baggage back = BaggageHeader.parse(List.of(BaggageHeader.format(baggage)).iterator());

    assertThat(back.getEntryValue("k")).isEqualTo(value);
  }
}
