package dev.vireo.instrumentation.api.semconv.http;

/**
 * {@code network.protocol.version} from a request line protocol such as {@code HTTP/1.1} or
 * {@code HTTP/2.0}, or from a library's version object (protocol name, major, minor).
 */
public final class HttpProtocolVersion {

  private HttpProtocolVersion() {}

  /** {@code HTTP/1.1} → {@code 1.1}, {@code HTTP/2.0} → {@code 2}, {@code HTTP/3} → {@code 3}; null if not HTTP. */
  public static String of(String protocol) {
    if (protocol == null || !protocol.startsWith("HTTP/") || protocol.length() == 5) {
      return null;
    }
    switch (protocol) {
      case "HTTP/1.1":
        return "1.1";
      case "HTTP/1.0":
        return "1.0";
      case "HTTP/2.0":
      case "HTTP/2":
        return "2";
      case "HTTP/3.0":
      case "HTTP/3":
        return "3";
      default:
        return protocol.substring(5);
    }
  }

  /** ({@code HTTP}, 1, 1) → {@code 1.1}, ({@code HTTP}, 2, 0) → {@code 2}; null if not HTTP. */
  public static String of(String protocol, int major, int minor) {
    if (!"HTTP".equals(protocol)) {
      return null;
    }
    return major >= 2 && minor == 0 ? String.valueOf(major) : major + "." + minor;
  }
}
