package dev.vireo.instrumentation.api.semconv.http;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Removes credentials from URLs before they become attributes: user info becomes {@code
 * REDACTED:REDACTED@} and values of signature-like query parameters become {@code REDACTED}, as the
 * HTTP semantic conventions ask.
 */
public final class UrlRedaction {

  public static final String REDACTED = "REDACTED";

  private static final Set<String> SENSITIVE_QUERY_KEYS =
      new HashSet<>(
          Arrays.asList(
              "awsaccesskeyid", "signature", "sig", "x-goog-signature", "x-amz-signature",
              "x-amz-credential", "x-amz-security-token", "token", "access_token", "api_key", "apikey"));

  private UrlRedaction() {}

  public static String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    String result = url;
    int scheme = result.indexOf("://");
    if (scheme > 0) {
      int authorityStart = scheme + 3;
      int authorityEnd = indexOfAny(result, authorityStart, '/', '?', '#');
      int at = result.lastIndexOf('@', authorityEnd - 1);
      if (at >= authorityStart) {
        result = result.substring(0, authorityStart) + REDACTED + ":" + REDACTED + result.substring(at);
      }
    }
    int query = result.indexOf('?');
    if (query < 0) {
      return result;
    }
    int fragment = result.indexOf('#', query);
    String queryPart = fragment < 0 ? result.substring(query + 1) : result.substring(query + 1, fragment);
    String redacted = redactQuery(queryPart);
    if (redacted.equals(queryPart)) {
      return result;
    }
    return result.substring(0, query + 1) + redacted + (fragment < 0 ? "" : result.substring(fragment));
  }

  /** Redacts the values of sensitive keys in a raw query string (without the '?'). */
  public static String redactQuery(String query) {
    if (query == null || query.isEmpty()) {
      return query;
    }
    StringBuilder out = null;
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      int eq = query.indexOf('=', start);
      if (eq > start && eq < end) {
        String key = query.substring(start, eq).toLowerCase(Locale.ROOT);
        if (SENSITIVE_QUERY_KEYS.contains(key)) {
          if (out == null) {
            out = new StringBuilder(query.length()).append(query, 0, start);
          }
          out.append(query, start, eq + 1).append(REDACTED);
          if (end < query.length()) {
            out.append('&');
          }
          start = end + 1;
          continue;
        }
      }
      if (out != null) {
        out.append(query, start, end);
        if (end < query.length()) {
          out.append('&');
        }
      }
      start = end + 1;
    }
    return out == null ? query : out.toString();
  }

  private static int indexOfAny(String s, int from, char a, char b, char c) {
    for (int i = from; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == a || ch == b || ch == c) {
        return i;
      }
    }
    return s.length();
  }
}
