/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.Iterator;

/**
 * The {@code tracestate} header of W3C Trace Context Level 2 (section 3.3), validated strictly.
 *
 * <ul>
 *   <li>Several {@code tracestate} fields are combined in order into one list, as RFC 9110
 *       section 5.3 says; an empty field adds nothing.
 *   <li>{@code list = list-member 0*31( OWS "," OWS list-member )}, {@code list-member = (key "="
 *       value) / OWS}: members that are empty or whitespace only are skipped; at most 32 real
 *       members.
 *   <li>{@code key = simple-key / multi-tenant-key}, {@code simple-key = lcalpha 0*255( lcalpha /
 *       DIGIT / "_" / "-"/ "*" / "/" )}, {@code multi-tenant-key = tenant-id "@" system-id},
 *       {@code tenant-id = ( lcalpha / DIGIT ) 0*240( ... )}, {@code system-id = lcalpha 0*13(
 *       ... )}.
 *   <li>{@code value = 0*255(chr) nblk-chr}, {@code nblk-chr = %x21-2B / %x2D-3C / %x3E-7E},
 *       {@code chr = %x20 / nblk-chr}: leading spaces belong to the value, trailing ones are
 *       optional whitespace.
 *   <li>A key may appear only once.
 * </ul>
 *
 * <p>Any violation makes the whole {@code tracestate} invalid: it is dropped (the trace is still
 * continued, "failure to parse tracestate MUST NOT affect the parsing of traceparent"). A valid
 * list is kept whole and in order, so it is propagated onward unchanged (its size is bounded by
 * the 32-member limit, so no truncation is needed).
 */
final class TraceStateHeader {

  static final int MAX_MEMBERS = 32;
  static final int MAX_KEY_LENGTH = 256;
  static final int MAX_TENANT_LENGTH = 241;
  static final int MAX_SYSTEM_LENGTH = 14;
  static final int MAX_VALUE_LENGTH = 256;

  private TraceStateHeader() {}

  /**
   * Combines and parses all {@code tracestate} field values of one request, in order.
   *
   * @return the trace state, or {@link TraceState#getDefault()} (empty) when there is none or it
   *     is invalid
   */
  static TraceState parse(Iterator<String> headerValues) {
    if (headerValues == null || !headerValues.hasNext()) {
      return TraceState.getDefault();
    }
    String[] keys = null;
    String[] values = null;
    int count = 0;
    while (headerValues.hasNext()) {
      String header = headerValues.next();
      if (header == null) {
        continue;
      }
      int length = header.length();
      int memberStart = 0;
      while (memberStart <= length) {
        int comma = header.indexOf(',', memberStart);
        int memberEnd = comma < 0 ? length : comma;
        int start = memberStart;
        int end = memberEnd;
        while (start < end && isOws(header.charAt(start))) {
          start++;
        }
        while (end > start && isOws(header.charAt(end - 1))) {
          end--;
        }
        if (start < end) {
          int equals = header.indexOf('=', start);
          if (equals < 0 || equals >= end) {
            return TraceState.getDefault();
          }
          String key = header.substring(start, equals);
          String value = header.substring(equals + 1, end);
          if (!isValidKey(key) || !isValidValue(value) || count == MAX_MEMBERS) {
            return TraceState.getDefault();
          }
          if (keys == null) {
            keys = new String[MAX_MEMBERS];
            values = new String[MAX_MEMBERS];
          }
          for (int i = 0; i < count; i++) {
            if (keys[i].equals(key)) {
              return TraceState.getDefault();
            }
          }
          keys[count] = key;
          values[count] = value;
          count++;
        }
        memberStart = memberEnd + 1;
      }
    }
    if (count == 0) {
      return TraceState.getDefault();
    }
    // TraceStateBuilder.put adds to the front, so insert right to left to keep the order.
    TraceStateBuilder builder = TraceState.builder();
    for (int i = count - 1; i >= 0; i--) {
      builder.put(keys[i], values[i]);
    }
    TraceState traceState = builder.build();
    // The SDK builder silently skips what it considers invalid; never propagate a partial list.
    return traceState.size() == count ? traceState : TraceState.getDefault();
  }

  /** Writes the list in order, without optional whitespace; empty for an empty trace state. */
  static String format(TraceState traceState) {
    StringBuilder out = new StringBuilder(traceState.size() * 24);
    traceState.forEach(
        (key, value) -> {
          if (out.length() > 0) {
            out.append(',');
          }
          out.append(key).append('=').append(value);
        });
    return out.toString();
  }

  static boolean isValidKey(String key) {
    int length = key.length();
    if (length == 0 || length > MAX_KEY_LENGTH) {
      return false;
    }
    int at = key.indexOf('@');
    if (at < 0) {
      return isLcAlpha(key.charAt(0)) && hasOnlyKeyChars(key, 1, length);
    }
    int systemLength = length - at - 1;
    char tenantFirst = key.charAt(0);
    return at > 0
        && at <= MAX_TENANT_LENGTH
        && (isLcAlpha(tenantFirst) || isDigit(tenantFirst))
        && hasOnlyKeyChars(key, 1, at)
        && systemLength > 0
        && systemLength <= MAX_SYSTEM_LENGTH
        && isLcAlpha(key.charAt(at + 1))
        && hasOnlyKeyChars(key, at + 2, length);
  }

  static boolean isValidValue(String value) {
    int length = value.length();
    if (length == 0 || length > MAX_VALUE_LENGTH || value.charAt(length - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == ',' || c == '=') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasOnlyKeyChars(String key, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = key.charAt(i);
      if (!(isLcAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '*' || c == '/')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLcAlpha(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }
}
