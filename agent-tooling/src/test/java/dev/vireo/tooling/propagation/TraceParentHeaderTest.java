/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases from the W3C Trace Context Level 2 text and its test suite (test/test.py). */
class TraceParentHeaderTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";
  private static final String SUITE_TRACE_ID = "12345678901234567890123456789012";
  private static final String SUITE_SPAN_ID = "1234567890123456";
  private static final String SUITE = "-" + SUITE_TRACE_ID + "-" + SUITE_SPAN_ID + "-";

  static Stream<Arguments> valid() {
    return Stream.of(
        // header, trace id, span id, flags kept
        Arguments.of("00-" + TRACE_ID + "-" + SPAN_ID + "-01", TRACE_ID, SPAN_ID, "01"),
        Arguments.of("00-" + TRACE_ID + "-" + SPAN_ID + "-00", TRACE_ID, SPAN_ID, "00"),
        Arguments.of("00" + SUITE + "01", SUITE_TRACE_ID, SUITE_SPAN_ID, "01"),
        // Level 2 random-trace-id flag, alone and with sampled
        Arguments.of("00" + SUITE + "02", SUITE_TRACE_ID, SUITE_SPAN_ID, "02"),
        Arguments.of("00" + SUITE + "03", SUITE_TRACE_ID, SUITE_SPAN_ID, "03"),
        // unknown bits are dropped: "09" = sampled + 00001000, the spec's masking example
        Arguments.of("00" + SUITE + "09", SUITE_TRACE_ID, SUITE_SPAN_ID, "01"),
        Arguments.of("00" + SUITE + "04", SUITE_TRACE_ID, SUITE_SPAN_ID, "00"),
        Arguments.of("00" + SUITE + "ff", SUITE_TRACE_ID, SUITE_SPAN_ID, "03"),
        Arguments.of("00" + SUITE + "fe", SUITE_TRACE_ID, SUITE_SPAN_ID, "02"),
        Arguments.of("00" + SUITE + "fd", SUITE_TRACE_ID, SUITE_SPAN_ID, "01"),
        // smallest non-zero ids
        Arguments.of(
            "00-00000000000000000000000000000001-0000000000000001-01",
            "00000000000000000000000000000001",
            "0000000000000001",
            "01"),
        Arguments.of(
            "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-01",
            "ffffffffffffffffffffffffffffffff",
            "ffffffffffffffff",
            "01"),
        // higher versions: the first four fields are used, extra fields only after a dash
        Arguments.of("cc" + SUITE + "01", SUITE_TRACE_ID, SUITE_SPAN_ID, "01"),
        Arguments.of(
            "cc" + SUITE + "01-what-the-future-will-be-like", SUITE_TRACE_ID, SUITE_SPAN_ID, "01"),
        Arguments.of("01" + SUITE + "03-", SUITE_TRACE_ID, SUITE_SPAN_ID, "03"),
        Arguments.of("01" + SUITE + "ff-x", SUITE_TRACE_ID, SUITE_SPAN_ID, "03"),
        Arguments.of("fe" + SUITE + "00", SUITE_TRACE_ID, SUITE_SPAN_ID, "00"),
        // leading and trailing OWS is not part of the field value (test_traceparent_ows_handling)
        Arguments.of(" 00" + SUITE + "01", SUITE_TRACE_ID, SUITE_SPAN_ID, "01"),
        Arguments.of("\t00" + SUITE + "01", SUITE_TRACE_ID, SUITE_SPAN_ID, "01"),
        Arguments.of("00" + SUITE + "01 ", SUITE_TRACE_ID, SUITE_SPAN_ID, "01"),
        Arguments.of("00" + SUITE + "01\t", SUITE_TRACE_ID, SUITE_SPAN_ID, "01"),
        Arguments.of("\t 00" + SUITE + "01 \t", SUITE_TRACE_ID, SUITE_SPAN_ID, "01"),
        Arguments.of("  cc" + SUITE + "01-future  ", SUITE_TRACE_ID, SUITE_SPAN_ID, "01"));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @MethodSource("valid")
  void parsesValidValue(String header, String traceId, String spanId, String flags) {
    SpanContext parsed = TraceParentHeader.parse(header, TraceState.getDefault());

    assertThat(parsed.isValid()).isTrue();
    assertThat(parsed.isRemote()).isTrue();
    assertThat(parsed.getTraceId()).isEqualTo(traceId);
    assertThat(parsed.getSpanId()).isEqualTo(spanId);
    assertThat(parsed.getTraceFlags().asHex()).isEqualTo(flags);
    assertThat(parsed.getTraceFlags().isSampled()).isEqualTo(flags.endsWith("1") || flags.endsWith("3"));
  }

  static Stream<String> invalid() {
    return Stream.of(
        "",
        " ",
        "00",
        "00-",
        "00" + SUITE,
        // version 00 is exactly 55 characters (test_traceparent_version_0x00)
        "00" + SUITE + "01.",
        "00" + SUITE + "01-",
        "00" + SUITE + "01-what-the-future-will-be-like",
        "00" + SUITE + "01 x",
        // a future version may only continue with a dash (test_traceparent_version_0xcc)
        "cc" + SUITE + "01.what-the-future-will-be-like",
        "cc" + SUITE + "01x",
        "cc" + SUITE + "0",
        // version ff is forbidden (test_traceparent_version_0xff)
        "ff" + SUITE + "01",
        // version: exactly two lowercase hex digits
        ".0" + SUITE + "01",
        "0." + SUITE + "01",
        "000" + SUITE + "01",
        "0000" + SUITE + "01",
        "0" + SUITE + "01",
        "0A" + SUITE + "01",
        "FF" + SUITE + "01",
        "0g" + SUITE + "01",
        // trace-id: 32 lowercase hex, not all zero
        "00-00000000000000000000000000000000-" + SUITE_SPAN_ID + "-01",
        "00-.2345678901234567890123456789012-" + SUITE_SPAN_ID + "-01",
        "00-1234567890123456789012345678901.-" + SUITE_SPAN_ID + "-01",
        "00-123456789012345678901234567890123-" + SUITE_SPAN_ID + "-01",
        "00-1234567890123456789012345678901-" + SUITE_SPAN_ID + "-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-" + SPAN_ID + "-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473G-" + SPAN_ID + "-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473g-" + SPAN_ID + "-01",
        // parent-id: 16 lowercase hex, not all zero
        "00-" + SUITE_TRACE_ID + "-0000000000000000-01",
        "00-" + SUITE_TRACE_ID + "-.234567890123456-01",
        "00-" + SUITE_TRACE_ID + "-123456789012345.-01",
        "00-" + SUITE_TRACE_ID + "-12345678901234567-01",
        "00-" + SUITE_TRACE_ID + "-123456789012345-01",
        "00-" + TRACE_ID + "-00F067AA0BA902B7-01",
        // trace-flags: two lowercase hex digits
        "00" + SUITE + ".0",
        "00" + SUITE + "0.",
        "00" + SUITE + "001",
        "00" + SUITE + "1",
        "00" + SUITE + "0A",
        "00" + SUITE + "Ff",
        // delimiters
        "00_" + SUITE_TRACE_ID + "-" + SUITE_SPAN_ID + "-01",
        "00-" + SUITE_TRACE_ID + "_" + SUITE_SPAN_ID + "-01",
        "00-" + SUITE_TRACE_ID + "-" + SUITE_SPAN_ID + "_01",
        "00-" + SUITE_TRACE_ID + " -" + SUITE_SPAN_ID + "-01",
        "00 " + SUITE_TRACE_ID + "-" + SUITE_SPAN_ID + "-01",
        // other whitespace is not OWS
        "00" + SUITE + "01\r",
        "00" + SUITE + "01\n",
        "\n00" + SUITE + "01",
        // several fields folded into one value
        "00" + SUITE + "01,00" + SUITE + "01",
        "00" + SUITE + "01, 00" + SUITE + "01",
        "cc" + SUITE + "01,cc" + SUITE + "01",
        "cc" + SUITE + "01-x,00" + SUITE + "01");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @MethodSource("invalid")
  void rejectsInvalidValue(String header) {
    assertThat(TraceParentHeader.parse(header, TraceState.getDefault()))
        .isSameAs(SpanContext.getInvalid());
  }

  @Test
  void rejectsNull() {
    assertThat(TraceParentHeader.parse(null, TraceState.getDefault()).isValid()).isFalse();
  }

  @Test
  void keepsGivenTraceState() {
    TraceState traceState = TraceState.builder().put("foo", "1").build();
    assertThat(TraceParentHeader.parse("00" + SUITE + "01", traceState).getTraceState())
        .isEqualTo(traceState);
  }

  static Stream<Arguments> formatted() {
    return Stream.of(
        Arguments.of((byte) 0x00, "00"),
        Arguments.of((byte) 0x01, "01"),
        Arguments.of((byte) 0x02, "02"),
        Arguments.of((byte) 0x03, "03"),
        Arguments.of((byte) 0x0b, "03"),
        Arguments.of((byte) 0xff, "03"),
        Arguments.of((byte) 0x80, "00"),
        Arguments.of((byte) 0x05, "01"));
  }

  @ParameterizedTest(name = "[{index}] flags {0} -> {1}")
  @MethodSource("formatted")
  void writesVersion00WithKnownFlagsOnly(byte flags, String written) {
    SpanContext spanContext =
        SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.fromByte(flags), TraceState.getDefault());

    assertThat(TraceParentHeader.format(spanContext))
        .isEqualTo("00-" + TRACE_ID + "-" + SPAN_ID + "-" + written);
  }
}
