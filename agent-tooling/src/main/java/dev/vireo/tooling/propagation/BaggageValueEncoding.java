/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of W3C Baggage values: a value is a UTF-8 string whose octets outside
 * {@code baggage-octet} (and {@code %} itself) are written as {@code %XX}.
 *
 * <p>Decoding: {@code %} followed by two hex digits (either case) is one octet; the octets are then
 * read as UTF-8 and octet sequences that are not UTF-8 become U+FFFD, as the specification asks.
 * A {@code %} not followed by two hex digits is not an encoded octet and is kept as the literal
 * character (lenient: a producer's mistake should not cost the whole entry). {@code +} is not a
 * space: this is not HTML form encoding.
 */
final class BaggageValueEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private BaggageValueEncoding() {}

  /**
   * {@code baggage-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E}: US-ASCII without CTLs,
   * whitespace, DQUOTE, comma, semicolon and backslash.
   */
  static boolean isBaggageOctet(int c) {
    return c == 0x21
        || (c >= 0x23 && c <= 0x2b)
        || (c >= 0x2d && c <= 0x3a)
        || (c >= 0x3c && c <= 0x5b)
        || (c >= 0x5d && c <= 0x7e);
  }

  /** Decodes a value that already matched {@code *baggage-octet}. */
  static String decode(String encoded) {
    if (encoded.indexOf('%') < 0) {
      return encoded;
    }
    int length = encoded.length();
    byte[] bytes = new byte[length];
    int size = 0;
    for (int i = 0; i < length; i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < length) {
        int high = hexDigit(encoded.charAt(i + 1));
        int low = hexDigit(encoded.charAt(i + 2));
        if (high >= 0 && low >= 0) {
          bytes[size++] = (byte) ((high << 4) | low);
          i += 2;
          continue;
        }
      }
      bytes[size++] = (byte) c;
    }
    // new String(...) replaces malformed UTF-8 input with U+FFFD.
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  /** Encodes any string so that the result matches {@code *baggage-octet}. */
  static String encode(String value) {
    int length = value.length();
    int i = 0;
    while (i < length) {
      char c = value.charAt(i);
      if (c == '%' || !isBaggageOctet(c)) {
        break;
      }
      i++;
    }
    if (i == length) {
      return value;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(utf8.length + 16);
    for (byte b : utf8) {
      int octet = b & 0xff;
      if (octet != '%' && isBaggageOctet(octet)) {
        out.append((char) octet);
      } else {
        out.append('%').append(HEX[octet >>> 4]).append(HEX[octet & 0xf]);
      }
    }
    return out.toString();
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
