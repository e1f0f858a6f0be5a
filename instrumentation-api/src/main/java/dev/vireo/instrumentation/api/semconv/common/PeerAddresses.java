package dev.vireo.instrumentation.api.semconv.common;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** {@code network.peer.address} of a connection: the IP address its other end has, as text. */
public final class PeerAddresses {

  private PeerAddresses() {}

  /** Null when {@code peer} is not an IP socket address or was not resolved. */
  public static String ip(SocketAddress peer) {
    if (!(peer instanceof InetSocketAddress) || ((InetSocketAddress) peer).getAddress() == null) {
      return null;
    }
    return ((InetSocketAddress) peer).getAddress().getHostAddress();
  }
}
