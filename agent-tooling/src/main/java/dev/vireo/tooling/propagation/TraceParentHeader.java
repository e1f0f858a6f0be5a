/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/**
 * The {@code traceparent} header value of W3C Trace Context Level 2, parsed and written exactly
 * as the specification's grammar says.
 *
 * <p>Parsing rules (section 3.2 of the specification):
 *
 * <ul>
 *   <li>{@code version "-" trace-id "-" parent-id "-" trace-flags}, every field lowercase hex
 *       ({@code HEXDIGLC}) of exactly 2, 32, 16 and 2 characters;
 *   <li>version {@code ff} is invalid; an all-zero trace-id or parent-id is invalid;
 *   <li>version {@code 00} is exactly 55 characters, nothing may follow the flags;
 *   <li>a higher version is parsed by its first four fields only: it must be at least 55
 *       characters and anything after the flags must begin with a {@code -};
 *   <li>leading and trailing optional whitespace (SP / HTAB) is not part of an HTTP field value
 *       (RFC 9110 section 5.5), so it is ignored; any other stray character makes the value
 *       invalid;
 *   <li>a comma means that several {@code traceparent} fields were folded into one value
 *       (RFC 9110 section 5.3); that is never a valid single traceparent.
 * </ul>
 *
 * <p>Trace flags: only the two bits the specification defines survive, sampled ({@code 0x01})
 * and random-trace-id ({@code 0x02}, Level 2). "Other flags ... Vendors MUST set those to zero",
 * so unknown bits received from a caller are dropped here and never propagated onward.
 */
final class TraceParentHeader {

  /** Length of a version 00 value, and the minimum length of any higher version. */
  static final int LENGTH = 55;

  /** The bits of trace-flags this implementation knows: sampled and random-trace-id. */
  static final int KNOWN_FLAGS = 0x03;

  private static final int TRACE_ID_OFFSET = 3;
  private static final int TRACE_ID_LENGTH = 32;
  private static final int SPAN_ID_OFFSET = TRACE_ID_OFFSET + TRACE_ID_LENGTH + 1;
  private static final int SPAN_ID_LENGTH = 16;
  private static final int FLAGS_OFFSET = SPAN_ID_OFFSET + SPAN_ID_LENGTH + 1;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TraceParentHeader() {}

  /**
   * Parses one {@code traceparent} value into a remote span context.
   *
   * @return the remote span context, or {@link SpanContext#getInvalid()} when the value does not
   *     follow the specification (the caller then starts a new trace)
   */
  static SpanContext parse(String header, TraceState traceState) {
    if (header == null) {
      return SpanContext.getInvalid();
    }
    int start = 0;
    int end = header.length();
    while (start < end && isOws(header.charAt(start))) {
      start++;
    }
    while (end > start && isOws(header.charAt(end - 1))) {
      end--;
    }
    int length = end - start;
    if (length < LENGTH) {
      return SpanContext.getInvalid();
    }
    int version = hexByte(header, start);
    if (version < 0 || version == 0xff || header.charAt(start + 2) != '-') {
      return SpanContext.getInvalid();
    }
    if (version == 0) {
      if (length != LENGTH) {
        return SpanContext.getInvalid();
      }
    } else if (length > LENGTH) {
      // A future version may append fields, but only after a dash; a comma means folded fields.
      if (header.charAt(start + LENGTH) != '-' || header.indexOf(',', start) >= 0) {
        return SpanContext.getInvalid();
      }
    }
    int traceIdStart = start + TRACE_ID_OFFSET;
    int spanIdStart = start + SPAN_ID_OFFSET;
    int flagsStart = start + FLAGS_OFFSET;
    if (!isNonZeroLowerHex(header, traceIdStart, TRACE_ID_LENGTH)
        || header.charAt(spanIdStart - 1) != '-'
        || !isNonZeroLowerHex(header, spanIdStart, SPAN_ID_LENGTH)
        || header.charAt(flagsStart - 1) != '-') {
      return SpanContext.getInvalid();
    }
    int flags = hexByte(header, flagsStart);
    if (flags < 0) {
      return SpanContext.getInvalid();
    }
    String traceId = header.substring(traceIdStart, traceIdStart + TRACE_ID_LENGTH);
    String spanId = header.substring(spanIdStart, spanIdStart + SPAN_ID_LENGTH);
    return SpanContext.createFromRemoteParent(
        traceId, spanId, TraceFlags.fromByte((byte) (flags & KNOWN_FLAGS)), traceState);
  }

  /**
   * Writes a version 00 value for a valid span context; only the known flag bits are written.
   */
  static String format(SpanContext spanContext) {
    int flags = spanContext.getTraceFlags().asByte() & KNOWN_FLAGS;
    char[] chars = new char[LENGTH];
    chars[0] = '0';
    chars[1] = '0';
    chars[2] = '-';
    spanContext.getTraceId().getChars(0, TRACE_ID_LENGTH, chars, TRACE_ID_OFFSET);
    chars[SPAN_ID_OFFSET - 1] = '-';
    spanContext.getSpanId().getChars(0, SPAN_ID_LENGTH, chars, SPAN_ID_OFFSET);
    chars[FLAGS_OFFSET - 1] = '-';
    chars[FLAGS_OFFSET] = HEX[flags >>> 4];
    chars[FLAGS_OFFSET + 1] = HEX[flags & 0xf];
    return new String(chars);
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  /** Two lowercase hex digits at {@code index} as 0..255, or -1. */
  private static int hexByte(String s, int index) {
    int high = lowerHexDigit(s.charAt(index));
    int low = lowerHexDigit(s.charAt(index + 1));
    return high < 0 || low < 0 ? -1 : (high << 4) | low;
  }

  private static boolean isNonZeroLowerHex(String s, int offset, int length) {
    boolean nonZero = false;
    for (int i = offset; i < offset + length; i++) {
      char c = s.charAt(i);
      if (lowerHexDigit(c) < 0) {
        return false;
      }
      nonZero |= c != '0';
    }
    return nonZero;
  }

  private static int lowerHexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }
}
