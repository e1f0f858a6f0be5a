/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.TraceState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases from the W3C Trace Context Level 2 text and its test suite (test/test.py). */
class TraceStateHeaderTest {

  /** Every character a simple key may hold (test_tracestate_all_allowed_characters). */
  private static final String ALL_KEY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_-*/";

  /** Every character a value may hold, in order; starts with a space, which is kept. */
  private static final String ALL_VALUE_CHARS = allValueChars();

  private static String allValueChars() {
    StringBuilder value = new StringBuilder();
    for (char c = 0x20; c <= 0x7e; c++) {
      if (c != ',' && c != '=') {
        value.append(c);
      }
    }
    return value.toString();
  }

  private static String repeat(String s, int times) {
    return s.repeat(times);
  }

  private static List<String> members(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> String.format("bar%02d=%02d", i, i))
        .collect(Collectors.toList());
  }

  static Stream<Arguments> valid() {
    String thirtyTwo = String.join(",", members(1, 32));
    return Stream.of(
        // header values in arrival order, expected combined list
        Arguments.of(List.of("foo=1"), "foo=1"),
        Arguments.of(List.of("foo=1,bar=2"), "foo=1,bar=2"),
        Arguments.of(List.of("congo=t61rcWkgMzE"), "congo=t61rcWkgMzE"),
        Arguments.of(
            List.of("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"),
            "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"),
        // several fields are combined in order (test_tracestate_multiple_headers_different_keys)
        Arguments.of(
            List.of("foo=1,bar=2", "rojo=1,congo=2", "baz=3"), "foo=1,bar=2,rojo=1,congo=2,baz=3"),
        // OWS around list members (test_tracestate_ows_handling)
        Arguments.of(List.of("foo=1 \t , \t bar=2, \t baz=3"), "foo=1,bar=2,baz=3"),
        Arguments.of(List.of("foo=1\t \t,\t \tbar=2,\t \tbaz=3"), "foo=1,bar=2,baz=3"),
        Arguments.of(List.of(" foo=1"), "foo=1"),
        Arguments.of(List.of("\tfoo=1"), "foo=1"),
        Arguments.of(List.of("foo=1 "), "foo=1"),
        Arguments.of(List.of("foo=1\t"), "foo=1"),
        Arguments.of(List.of("\t foo=1 \t"), "foo=1"),
        // empty fields and empty members (test_tracestate_empty_header)
        Arguments.of(List.of("foo=1", ""), "foo=1"),
        Arguments.of(List.of("", "foo=1"), "foo=1"),
        Arguments.of(List.of("foo=1,,bar=2"), "foo=1,bar=2"),
        Arguments.of(List.of("foo=1, \t ,bar=2"), "foo=1,bar=2"),
        Arguments.of(List.of(",foo=1,"), "foo=1"),
        Arguments.of(List.of("foo=1,", ",bar=2"), "foo=1,bar=2"),
        // leading spaces belong to the value
        Arguments.of(List.of("foo= 1"), "foo= 1"),
        Arguments.of(List.of("foo=  a b"), "foo=  a b"),
        // ';' ':' '@' '"' are ordinary value characters
        Arguments.of(List.of("foo=1;bar"), "foo=1;bar"),
        Arguments.of(List.of("foo=a:b@c\"d"), "foo=a:b@c\"d"),
        // every allowed key and value character
        Arguments.of(
            List.of(ALL_KEY_CHARS + "=" + ALL_VALUE_CHARS), ALL_KEY_CHARS + "=" + ALL_VALUE_CHARS),
        Arguments.of(
            List.of(ALL_KEY_CHARS + "@a-z0-9_-*/=" + ALL_VALUE_CHARS),
            ALL_KEY_CHARS + "@a-z0-9_-*/=" + ALL_VALUE_CHARS),
        // multi-tenant keys
        Arguments.of(List.of("fw529a3039@dt=v"), "fw529a3039@dt=v"),
        Arguments.of(List.of("1tenant@system=v"), "1tenant@system=v"),
        Arguments.of(List.of("t@v=1"), "t@v=1"),
        // length limits (test_tracestate_key_length_limit)
        Arguments.of(List.of("foo=1", repeat("z", 256) + "=1"), "foo=1," + repeat("z", 256) + "=1"),
        Arguments.of(
            List.of("foo=1", repeat("t", 241) + "@" + repeat("v", 14) + "=1"),
            "foo=1," + repeat("t", 241) + "@" + repeat("v", 14) + "=1"),
        Arguments.of(List.of("k=" + repeat("v", 256)), "k=" + repeat("v", 256)),
        // 32 members, also across fields (test_tracestate_member_count_limit)
        Arguments.of(List.of(thirtyTwo), thirtyTwo),
        Arguments.of(
            List.of(
                String.join(",", members(1, 10)),
                String.join(",", members(11, 20)),
                String.join(",", members(21, 30)),
                String.join(",", members(31, 32))),
            thirtyTwo),
        Arguments.of(List.of(thirtyTwo + ",,, ,"), thirtyTwo));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("valid")
  void combinesValidLists(List<String> headers, String expected) {
    TraceState traceState = TraceStateHeader.parse(headers.iterator());

    assertThat(TraceStateHeader.format(traceState)).isEqualTo(expected);
  }

  static Stream<List<String>> invalid() {
    return Stream.of(
        // keys (test_tracestate_key_illegal_characters, test_tracestate_key_illegal_vendor_format)
        List.of("foo =1"),
        List.of("FOO=1"),
        List.of("foo.bar=1"),
        List.of("fOo=1,bar=2"),
        List.of("foo@=1,bar=2"),
        List.of("@foo=1,bar=2"),
        List.of("foo@@bar=1,bar=2"),
        List.of("foo@bar@baz=1,bar=2"),
        List.of("1foo=1"),
        List.of("_foo=1"),
        List.of("-foo=1"),
        List.of("t@1v=1"),
        List.of("_t@v=1"),
        List.of("t@V=1"),
        List.of("f\u00f6o=1"),
        List.of("=1"),
        List.of("foo=1,bar"),
        List.of("bar"),
        // key lengths (test_tracestate_key_length_limit)
        List.of("foo=1", repeat("z", 257) + "=1"),
        List.of("foo=1", repeat("t", 242) + "@v=1"),
        List.of("foo=1", "t@" + repeat("v", 15) + "=1"),
        // values (test_tracestate_value_illegal_characters)
        List.of("foo=bar=baz"),
        List.of("foo=1;bar=2"),
        List.of("foo=,bar=3"),
        List.of("foo="),
        List.of("foo= "),
        List.of("foo=a\tb"),
        List.of("foo=a\u007fb"),
        List.of("foo=\u00e9"),
        List.of("foo=a\nb"),
        List.of("k=" + repeat("v", 257)),
        // duplicate keys, also across fields (test_tracestate_duplicated_keys)
        List.of("foo=1,foo=1"),
        List.of("foo=1,foo=2"),
        List.of("foo=1", "foo=1"),
        List.of("foo=1", "foo=2"),
        List.of("a@b=1,bar=2,a@b=3"),
        // 33 members (test_tracestate_member_count_limit)
        List.of(String.join(",", members(1, 33))),
        List.of(
            String.join(",", members(1, 10)),
            String.join(",", members(11, 20)),
            String.join(",", members(21, 30)),
            String.join(",", members(31, 33))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalid")
  void dropsWholeInvalidList(List<String> headers) {
    assertThat(TraceStateHeader.parse(headers.iterator())).isEqualTo(TraceState.getDefault());
  }

  static Stream<List<String>> empty() {
    return Stream.of(
        List.of(), List.of(""), List.of(" "), List.of(",,"), List.of(" , \t,"), List.of("", ""));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("empty")
  void emptyHeadersMeanNoTraceState(List<String> headers) {
    assertThat(TraceStateHeader.parse(headers.iterator()).isEmpty()).isTrue();
  }

  @Test
  void nullValuesAreSkipped() {
    assertThat(TraceStateHeader.parse(Arrays.asList(null, "foo=1", null).iterator()).get("foo"))
        .isEqualTo("1");
    assertThat(TraceStateHeader.parse(null).isEmpty()).isTrue();
  }

  @Test
  void keepsValuesExactly() {
    TraceState traceState =
        TraceStateHeader.parse(List.of("a= x y", "b=" + ALL_VALUE_CHARS).iterator());

    assertThat(traceState.get("a")).isEqualTo(" x y");
    assertThat(traceState.get("b")).isEqualTo(ALL_VALUE_CHARS);
  }

  @Test
  void formatsEmptyTraceStateAsEmptyString() {
    assertThat(TraceStateHeader.format(TraceState.getDefault())).isEmpty();
  }

  @Test
  void keyGrammarBoundaries() {
    assertThat(TraceStateHeader.isValidKey(repeat("a", 256))).isTrue();
    assertThat(TraceStateHeader.isValidKey(repeat("a", 257))).isFalse();
    assertThat(TraceStateHeader.isValidKey(repeat("1", 241) + "@" + repeat("a", 14))).isTrue();
    assertThat(TraceStateHeader.isValidKey(repeat("1", 241) + "@" + repeat("a", 15))).isFalse();
    assertThat(TraceStateHeader.isValidKey(repeat("1", 242) + "@a")).isFalse();
    assertThat(TraceStateHeader.isValidKey("")).isFalse();
    List<String> rejected = new ArrayList<>();
    for (char c = 0; c < 128; c++) {
      if (!TraceStateHeader.isValidKey("a" + c)) {
        rejected.add(String.valueOf(c));
      }
    }
    Collections.sort(rejected);
    assertThat(rejected).hasSize(128 - ALL_KEY_CHARS.length());
  }
}
