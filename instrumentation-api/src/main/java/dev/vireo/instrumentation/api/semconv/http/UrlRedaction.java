package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes credentials from URLs before they become attributes or exception messages: user info
 * becomes {@code REDACTED:REDACTED@}, the value of a sensitive query parameter becomes {@code
 * REDACTED}, and a sensitive path parameter ({@code ;jsessionid=...}) is removed.
 *
 * <p>The rule, case-insensitive, applied to the percent-decoded name: a name is sensitive when one
 * of its words (split at anything but a letter or digit, and where a lower-case letter or digit is
 * followed by an upper-case one) is in {@link #SENSITIVE_WORDS}, or when the name without
 * separators ends with one of {@link #SENSITIVE_SUFFIXES} ({@code AWSAccessKeyId}, {@code
 * apikey}), or when it is named in {@code otel.instrumentation.http.sensitive-query-parameters}.
 * Over-redaction ({@code sort_key=REDACTED}) is the price of not leaking.
 */
public final class UrlRedaction {

  public static final String REDACTED = "REDACTED";

  /** Settings key: extra sensitive parameter names (comma-separated, case-insensitive). */
  public static final String SENSITIVE_PARAMETERS_KEY = "otel.instrumentation.http.sensitive-query-parameters";

  static final Set<String> SENSITIVE_WORDS =
      new HashSet<>(
          Arrays.asList(
              "password", "passwd", "pwd", "pass", "passphrase", "secret", "token", "key", "apikey",
              "sig", "signature", "credential", "credentials", "auth", "authorization", "session",
              "sessionid", "jsessionid", "phpsessid", "otp"));

  static final List<String> SENSITIVE_SUFFIXES =
      Arrays.asList(
          "password", "passwd", "secret", "token", "signature", "credential", "apikey", "accesskey",
          "accesskeyid", "sessionid", "sessid");

  private static volatile Set<String> configured;

  /**
   * Decisions per raw parameter name: a service sees the same few names on every request, and the rule
   * allocates as it splits words. Bounded, since names come from the outside: past the bound, names are
   * decided each time.
   */
  static final int MAX_REMEMBERED_NAMES = 512;

  private static final ConcurrentHashMap<String, Boolean> DECIDED = new ConcurrentHashMap<>();

  private UrlRedaction() {}

  public static String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    String result = url;
    int pathStart = 0;
    int scheme = result.indexOf("://");
    if (scheme > 0) {
      int authorityStart = scheme + 3;
      int authorityEnd = indexOfAny(result, authorityStart, '/', '?', '#');
      int at = result.lastIndexOf('@', authorityEnd - 1);
      if (at >= authorityStart) {
        result = result.substring(0, authorityStart) + REDACTED + ":" + REDACTED + result.substring(at);
        authorityEnd = authorityStart + REDACTED.length() * 2 + 1 + (authorityEnd - at);
      }
      pathStart = authorityEnd;
    }
    int query = result.indexOf('?', pathStart);
    int fragment = result.indexOf('#', pathStart);
    if (fragment >= 0 && query > fragment) {
      query = -1; // a '?' inside the fragment
    }
    int pathEnd = query >= 0 ? query : fragment >= 0 ? fragment : result.length();
    if (result.indexOf(';', pathStart) >= 0) {
      String path = result.substring(pathStart, pathEnd);
      String strippedPath = stripPathParameters(path);
      if (!strippedPath.equals(path)) {
        int shift = path.length() - strippedPath.length();
        result = result.substring(0, pathStart) + strippedPath + result.substring(pathEnd);
        query = query >= 0 ? query - shift : -1;
        fragment = fragment >= 0 ? fragment - shift : -1;
      }
    }
    if (query < 0) {
      return result;
    }
    String queryPart = fragment < 0 ? result.substring(query + 1) : result.substring(query + 1, fragment);
    String redacted = redactQuery(queryPart);
    if (redacted.equals(queryPart)) {
      return result;
    }
    return result.substring(0, query + 1) + redacted + (fragment < 0 ? "" : result.substring(fragment));
  }

  /**
   * Redacts every URL ({@code scheme://...} up to white space or a quote) inside free text, such as
   * an exception message or stack trace. Returns {@code text} itself when nothing changed.
   */
  public static String redactUrlsIn(String text) {
    if (text == null) {
      return null;
    }
    int scheme = text.indexOf("://");
    if (scheme < 0) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    while (scheme >= 0) {
      int start = scheme;
      while (start > copied && isSchemeChar(text.charAt(start - 1))) {
        start--;
      }
      int end = scheme + 3;
      while (end < text.length() && !endsUrl(text.charAt(end))) {
        end++;
      }
      if (start < scheme) {
        String url = text.substring(start, end);
        String redacted = redactUrl(url);
        if (!redacted.equals(url)) {
          if (out == null) {
            out = new StringBuilder(text.length() + 16);
          }
          out.append(text, copied, start).append(redacted);
          copied = end;
        }
      }
      scheme = text.indexOf("://", end);
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
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
      if (eq > start && eq < end && isSensitive(query.substring(start, eq))) {
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

  /** A URL path without its sensitive path parameters ({@code /cart;jsessionid=A1} → {@code /cart}). */
  public static String redactPath(String path) {
    return path.indexOf(';') < 0 ? path : stripPathParameters(path);
  }

  /** Removes {@code ;name=value} path parameters whose name is sensitive ({@code ;jsessionid=..}). */
  static String stripPathParameters(String path) {
    StringBuilder out = null;
    int copied = 0;
    int semicolon = path.indexOf(';');
    while (semicolon >= 0) {
      int end = indexOfAny(path, semicolon + 1, ';', '/', '\0');
      int eq = path.indexOf('=', semicolon + 1);
      int nameEnd = eq >= 0 && eq < end ? eq : end;
      if (isSensitive(path.substring(semicolon + 1, nameEnd))) {
        if (out == null) {
          out = new StringBuilder(path.length());
        }
        out.append(path, copied, semicolon);
        copied = end;
      }
      semicolon = path.indexOf(';', end == semicolon ? end + 1 : end);
    }
    if (out == null) {
      return path;
    }
    return out.append(path, copied, path.length()).toString();
  }

  /** The documented rule (see the class comment), on a raw, maybe percent-encoded name. */
  static boolean isSensitive(String rawName) {
    Boolean decided = DECIDED.get(rawName);
    if (decided != null) {
      return decided;
    }
    boolean sensitive = decide(rawName);
    if (DECIDED.size() < MAX_REMEMBERED_NAMES) {
      DECIDED.put(rawName, sensitive);
    }
    return sensitive;
  }

  /** For tests: how many names have a remembered decision. */
  static int rememberedNames() {
    return DECIDED.size();
  }

  private static boolean decide(String rawName) {
    String name = percentDecode(rawName);
    Set<String> extra = configuredKeys();
    if (!extra.isEmpty() && extra.contains(name.trim().toLowerCase(Locale.ROOT))) {
      return true;
    }
    StringBuilder joined = new StringBuilder(name.length());
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= name.length(); i++) {
      char c = i < name.length() ? name.charAt(i) : '\0';
      boolean part = Character.isLetterOrDigit(c);
      boolean camelBreak =
          part
              && word.length() > 0
              && Character.isUpperCase(c)
              && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
      if (word.length() > 0 && (!part || camelBreak)) {
        if (SENSITIVE_WORDS.contains(word.toString())) {
          return true;
        }
        word.setLength(0);
      }
      if (part) {
        char lower = Character.toLowerCase(c);
        joined.append(lower);
        word.append(lower);
      }
    }
    String compact = joined.toString();
    for (String suffix : SENSITIVE_SUFFIXES) {
      if (compact.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> configuredKeys() {
    Set<String> keys = configured;
    if (keys == null) {
      List<String> listed = InstrumentationConfig.get().getList(SENSITIVE_PARAMETERS_KEY);
      if (listed.isEmpty()) {
        keys = Collections.emptySet();
      } else {
        keys = new HashSet<>();
        for (String key : listed) {
          keys.add(key.toLowerCase(Locale.ROOT));
        }
      }
      configured = keys;
    }
    return keys;
  }

  /** For tests: read the settings again. */
  static void reloadSettings() {
    configured = null;
    DECIDED.clear();
  }

  /** %XX sequences decoded as UTF-8 bytes (and '+' as a space); malformed ones are kept as written. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    byte[] bytes = new byte[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        bytes[n++] = (byte) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else if (c == '+') {
        bytes[n++] = ' ';
      } else if (c < 0x80) {
        bytes[n++] = (byte) c;
      } else {
        // non-ASCII as written: encode it, so the decoded bytes stay UTF-8
        byte[] encoded = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (n + encoded.length > bytes.length) {
          bytes = Arrays.copyOf(bytes, n + encoded.length + s.length());
        }
        for (byte b : encoded) {
          bytes[n++] = b;
        }
      }
    }
    return new String(bytes, 0, n, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
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

  private static boolean isSchemeChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-'
        || c == '.';
  }

  private static boolean endsUrl(char c) {
    return c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
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
