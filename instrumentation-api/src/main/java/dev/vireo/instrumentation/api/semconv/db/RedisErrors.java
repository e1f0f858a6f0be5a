package dev.vireo.instrumentation.api.semconv.db;

/**
 * {@code db.response.status_code} of a Redis error reply: its prefix, the error code the server puts
 * first ({@code WRONGTYPE} of {@code WRONGTYPE Operation against a key holding the wrong kind of
 * value}, {@code ERR}, {@code NOSCRIPT}).
 */
public final class RedisErrors {

  private RedisErrors() {}

  /** The error code the message starts with (upper-case letters), or null when it starts otherwise. */
  public static String statusCode(String errorMessage) {
    if (errorMessage == null) {
      return null;
    }
    int end = 0;
    while (end < errorMessage.length()) {
      char c = errorMessage.charAt(end);
      if ((c < 'A' || c > 'Z') && c != '_') {
        break;
      }
      end++;
    }
    boolean wordEnds = end == errorMessage.length() || errorMessage.charAt(end) == ' ';
    return end > 0 && wordEnds ? errorMessage.substring(0, end) : null;
  }
}
