package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.semconv.common.Authority;

/**
 * What the proxies in front of an HTTP server say about the original request, read as the OpenTelemetry Java agent
 * reads it: RFC 7239's {@code Forwarded} first, then {@code X-Forwarded-For}, {@code X-Forwarded-Host} and {@code
 * X-Forwarded-Proto}, then the {@code Host} header. Behind an ingress every request carries them, so values are found
 * in place and only the answer is cut out of the header.
 */
final class ForwardedHeaders {

  private ForwardedHeaders() {}

  /**
   * The value of the first {@code name} parameter ({@code for}, {@code host}, {@code proto}) of a {@code Forwarded}
   * header, its quotes removed; null when there is none or it is empty. The first element names the original
   * request: {@code Forwarded: for=203.0.113.9;proto=https, for=10.0.0.2}.
   */
  static String parameter(String forwarded, String name) {
    int length = forwarded.length();
    int at = 0;
    while (at < length) {
      int found = indexOfIgnoreCase(forwarded, name, at);
      if (found < 0) {
        return null;
      }
      int equals = found + name.length();
      if (atParameterStart(forwarded, found) && equals < length && forwarded.charAt(equals) == '=') {
        return value(forwarded, equals + 1);
      }
      at = found + 1;
    }
    return null;
  }

  /** The client address of a {@code for=} node ({@code 198.51.100.7}, {@code [2001:db8::7]:4711}, ...), or null. */
  static String nodeAddress(String node) {
    if (node == null || node.isEmpty() || node.charAt(0) == '_' || node.equalsIgnoreCase("unknown")) {
      return null; // an obfuscated or unknown node names no address
    }
    return Authority.host(node);
  }

  /** The original client of an {@code X-Forwarded-For} list: its first entry, without a port; null when empty. */
  static String forwardedFor(String value) {
    String first = firstEntry(value);
    return first == null ? null : nodeAddress(first);
  }

  /** The first entry of a comma-separated header ({@code X-Forwarded-Host}, {@code X-Forwarded-Proto}), or null. */
  static String firstEntry(String value) {
    int comma = value.indexOf(',');
    String first = (comma < 0 ? value : value.substring(0, comma)).trim();
    return first.isEmpty() ? null : first;
  }

  private static boolean atParameterStart(String header, int index) {
    if (index == 0) {
      return true;
    }
    char before = header.charAt(index - 1);
    return before == ';' || before == ',' || before == ' ' || before == '\t';
  }

  private static String value(String header, int start) {
    int length = header.length();
    if (start < length && header.charAt(start) == '"') {
      int close = header.indexOf('"', start + 1);
      return close < 0 || close == start + 1 ? null : header.substring(start + 1, close);
    }
    int end = start;
    while (end < length && header.charAt(end) != ';' && header.charAt(end) != ',') {
      end++;
    }
    String value = header.substring(start, end).trim();
    return value.isEmpty() ? null : value;
  }

  private static int indexOfIgnoreCase(String header, String name, int from) {
    int last = header.length() - name.length();
    for (int i = from; i <= last; i++) {
      if (header.regionMatches(true, i, name, 0, name.length())) {
        return i;
      }
    }
    return -1;
  }
}
