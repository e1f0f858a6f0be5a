package dev.vireo.instrumentation.api.semconv.common;

/**
 * The port at the end of an authority ({@code host:port}, {@code [v6]:port}) as found in a {@code Host} header or a
 * channel's target, read in place: it is read on every request, and a substring and {@code Integer.valueOf} would
 * allocate and throw on what is not a number.
 */
public final class PortNumber {

  private PortNumber() {}

  /** The decimal number from {@code start} to the end of {@code authority}, or -1 if it is not a port (0 to 65535). */
  public static int parse(String authority, int start) {
    int end = authority.length();
    if (start >= end) {
      return -1;
    }
    int port = 0;
    for (int i = start; i < end; i++) {
      char digit = authority.charAt(i);
      if (digit < '0' || digit > '9') {
        return -1;
      }
      port = port * 10 + (digit - '0');
      if (port > 65535) {
        return -1;
      }
    }
    return port;
  }
}
