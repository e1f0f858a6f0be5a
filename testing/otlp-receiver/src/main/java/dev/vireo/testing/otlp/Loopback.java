package dev.vireo.testing.otlp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The IPv4 loopback address every server binds to, so endpoints can be written as {@code 127.0.0.1}. */
final class Loopback {

  static final InetAddress ADDRESS;

  static {
    try {
      ADDRESS = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Loopback() {}
}
