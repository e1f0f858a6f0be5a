/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;
import java.util.Iterator;

/**
 * The W3C {@code baggage} header, parsed and written by the specification's grammar:
 *
 * <pre>
 * baggage-string =  list-member 0*179( OWS "," OWS list-member )
 * list-member    =  key OWS "=" OWS value *( OWS ";" OWS property )
 * property       =  key OWS "=" OWS value
 * property       =/ key OWS
 * key            =  token ; RFC 7230 section 3.2.6
 * value          =  *baggage-octet
 * </pre>
 *
 * <p>Several {@code baggage} fields are combined in order. Keys, values and properties are
 * trimmed of OWS; values are percent-decoded ({@link BaggageValueEncoding}); properties are kept,
 * normalized to {@code k=v} or {@code k} and joined with {@code ;}, as the entry's {@link
 * BaggageEntryMetadata}. Property values are opaque to the specification and are not decoded.
 *
 * <p>Invalid list-members (no {@code =}, a key that is not a token, a value or property with a
 * forbidden character, an empty property) are skipped one by one and the others kept: the
 * specification lets a system "remove that entry" when it is not in the defined format, and losing
 * all baggage for one bad entry would punish the good ones. Empty list-members (as produced by
 * combining fields or by a trailing comma) add nothing. A key seen twice keeps its last value.
 *
 * <p>Limits: at most {@value #MAX_MEMBERS} list-members and {@value #MAX_BYTES} bytes (the
 * minimums the specification requires a platform to propagate) are kept, on extract and on inject.
 * What overflows is dropped as whole list-members, in order, never by failing and never as a
 * partial list-member.
 */
final class BaggageHeader {

  static final int MAX_MEMBERS = 64;
  static final int MAX_BYTES = 8192;

  private BaggageHeader() {}

  /**
   * Combines and parses all {@code baggage} field values of one request, in order.
   *
   * @return the baggage, empty when there is none or nothing valid
   */
  static Baggage parse(Iterator<String> headerValues) {
    if (headerValues == null || !headerValues.hasNext()) {
      return Baggage.empty();
    }
    BaggageBuilder builder = null;
    int members = 0;
    int bytes = 0;
    while (headerValues.hasNext() && members < MAX_MEMBERS) {
      String header = headerValues.next();
      if (header == null) {
        continue;
      }
      int length = header.length();
      int memberStart = 0;
      while (memberStart <= length && members < MAX_MEMBERS) {
        int comma = header.indexOf(',', memberStart);
        int memberEnd = comma < 0 ? length : comma;
        int start = skipOws(header, memberStart, memberEnd);
        int end = trimOws(header, start, memberEnd);
        memberStart = memberEnd + 1;
        if (start == end) {
          continue;
        }
        int memberBytes = end - start; // valid members are US-ASCII: one byte per char
        int needed = members == 0 ? memberBytes : memberBytes + 1;
        if (bytes + needed > MAX_BYTES) {
          continue;
        }
        if (builder == null) {
          builder = Baggage.builder();
        }
        if (putMember(header, start, end, builder)) {
          members++;
          bytes += needed;
        }
      }
    }
    return builder == null ? Baggage.empty() : builder.build();
  }

  /** Parses {@code header[start, end)}, trimmed of OWS; puts it and returns true if valid. */
  private static boolean putMember(String header, int start, int end, BaggageBuilder builder) {
    int semicolon = header.indexOf(';', start);
    int pairEnd = semicolon < 0 || semicolon >= end ? end : semicolon;
    int equals = header.indexOf('=', start);
    if (equals < 0 || equals >= pairEnd) {
      return false;
    }
    int keyEnd = trimOws(header, start, equals);
    if (!isToken(header, start, keyEnd)) {
      return false;
    }
    int valueStart = skipOws(header, equals + 1, pairEnd);
    int valueEnd = trimOws(header, valueStart, pairEnd);
    if (!isBaggageOctets(header, valueStart, valueEnd)) {
      return false;
    }
    String metadata = "";
    if (pairEnd < end) {
      metadata = normalizedProperties(header, pairEnd + 1, end);
      if (metadata == null) {
        return false;
      }
    }
    builder.put(
        header.substring(start, keyEnd),
        BaggageValueEncoding.decode(header.substring(valueStart, valueEnd)),
        metadata.isEmpty() ? BaggageEntryMetadata.empty() : BaggageEntryMetadata.create(metadata));
    return true;
  }

  /**
   * The {@code ;}-separated properties in {@code s[start, end)} normalized to {@code k=v;k}, or
   * null if one of them is not a valid property.
   */
  static String normalizedProperties(String s, int start, int end) {
    StringBuilder out = new StringBuilder(end - start);
    int propertyStart = start;
    while (propertyStart <= end) {
      int semicolon = s.indexOf(';', propertyStart);
      int propertyEnd = semicolon < 0 || semicolon > end ? end : semicolon;
      int from = skipOws(s, propertyStart, propertyEnd);
      int to = trimOws(s, from, propertyEnd);
      int equals = s.indexOf('=', from);
      if (equals < 0 || equals >= to) {
        if (!isToken(s, from, to)) {
          return null;
        }
        separate(out).append(s, from, to);
      } else {
        int keyEnd = trimOws(s, from, equals);
        int valueStart = skipOws(s, equals + 1, to);
        if (!isToken(s, from, keyEnd) || !isBaggageOctets(s, valueStart, to)) {
          return null;
        }
        separate(out).append(s, from, keyEnd).append('=').append(s, valueStart, to);
      }
      propertyStart = propertyEnd + 1;
    }
    return out.toString();
  }

  private static StringBuilder separate(StringBuilder out) {
    return out.length() == 0 ? out : out.append(';');
  }

  /**
   * Writes the baggage as one header value, within the limits; entries whose key is not a token
   * cannot be written and are skipped, metadata that is not a valid property list is left out.
   * Empty when there is nothing to write.
   */
  static String format(Baggage baggage) {
    StringBuilder out = new StringBuilder(baggage.size() * 32);
    int[] members = {0};
    baggage.forEach(
        (key, entry) -> {
          if (members[0] == MAX_MEMBERS || key == null || !isToken(key, 0, key.length())) {
            return;
          }
          String value = BaggageValueEncoding.encode(entry.getValue());
          String metadata = entry.getMetadata().getValue();
          int memberLength = key.length() + 1 + value.length();
          boolean withMetadata =
              metadata != null
                  && !metadata.isEmpty()
                  && normalizedProperties(metadata, 0, metadata.length()) != null;
          if (withMetadata) {
            memberLength += 1 + metadata.length();
          }
          int needed = out.length() == 0 ? memberLength : memberLength + 1;
          if (out.length() + needed > MAX_BYTES) {
            return;
          }
          if (out.length() > 0) {
            out.append(',');
          }
          out.append(key).append('=').append(value);
          if (withMetadata) {
            out.append(';').append(metadata);
          }
          members[0]++;
        });
    return out.toString();
  }

  /** RFC 7230 {@code token = 1*tchar}. */
  static boolean isToken(String s, int start, int end) {
    if (start >= end) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (!isTchar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTchar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    switch (c) {
      case '!':
      case '#':
      case '$':
      case '%':
      case '&':
      case '\'':
      case '*':
      case '+':
      case '-':
      case '.':
      case '^':
      case '_':
      case '`':
      case '|':
      case '~':
        return true;
      default:
        return false;
    }
  }

  private static boolean isBaggageOctets(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!BaggageValueEncoding.isBaggageOctet(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int skipOws(String s, int start, int end) {
    while (start < end && isOws(s.charAt(start))) {
      start++;
    }
    return start;
  }

  private static int trimOws(String s, int start, int end) {
    while (end > start && isOws(s.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }
}
