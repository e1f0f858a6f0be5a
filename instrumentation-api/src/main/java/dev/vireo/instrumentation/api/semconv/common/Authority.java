package dev.vireo.instrumentation.api.semconv.common;

/**
 * The host and port of an authority as a {@code Host} header, a proxy's {@code X-Forwarded-Host} or a gRPC channel
 * names it ({@code host}, {@code host:port}, {@code [v6]:port}), read in place: {@code server.address} never carries
 * an IPv6 address's brackets.
 */
public final class Authority {

  private Authority() {}

  /**
   * {@code shop.example:8443} and {@code shop.example} are {@code shop.example}, {@code [::1]:8080} is {@code ::1},
   * and an IPv6 address without brackets stays whole; null for an empty or malformed authority.
   */
  public static String host(String authority) {
    if (authority == null || authority.isEmpty()) {
      return null;
    }
    if (authority.charAt(0) == '[') {
      int close = authority.indexOf(']');
      return close > 1 ? authority.substring(1, close) : null;
    }
    int colon = authority.indexOf(':');
    if (colon < 0 || authority.indexOf(':', colon + 1) >= 0) {
      return authority; // no port, or an IPv6 address without brackets
    }
    return colon == 0 ? null : authority.substring(0, colon);
  }

  /** The port ({@code host:port}, {@code [v6]:port}), or -1 when the authority names none. */
  public static int port(String authority) {
    if (authority == null) {
      return -1;
    }
    int colon = authority.lastIndexOf(':');
    if (colon < 0 || colon < authority.lastIndexOf(']')) {
      return -1;
    }
    if (authority.charAt(0) != '[' && authority.indexOf(':') != colon) {
      return -1; // an IPv6 address without brackets has no port
    }
    return PortNumber.parse(authority, colon + 1);
  }
}
