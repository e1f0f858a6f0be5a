package dev.vireo.instrumentation.lettuce;

import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.common.PeerAddresses;
import io.lettuce.core.RedisURI;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * What the spans of a connection's commands name: its server, learnt from the endpoint's channel
 * when it becomes active, and its database index, which follows the {@code SELECT}s dispatched on
 * it, starting from the database of the URI it was connected with.
 */
final class LettuceConnections {

  private static final VirtualField<Object, Object> ENDPOINT_CONNECTIONS = VirtualField.create();
  private static final VirtualField<Object, LettuceConnectionInfo> INFOS = VirtualField.create();
  private static final LettuceConnectionInfo UNKNOWN = new LettuceConnectionInfo(null, null, null);

  private LettuceConnections() {}

  static void served(Object endpoint, Object connection) {
    if (connection != null) {
      ENDPOINT_CONNECTIONS.set(endpoint, connection);
    }
  }

  static void connected(Object endpoint, Channel channel) {
    Object connection = ENDPOINT_CONNECTIONS.get(endpoint);
    SocketAddress remote = channel == null ? null : channel.remoteAddress();
    if (connection == null || !(remote instanceof InetSocketAddress)) {
      return;
    }
    InetSocketAddress server = (InetSocketAddress) remote;
    LettuceConnectionInfo info = new LettuceConnectionInfo(server.getHostString(), server.getPort(), server);
    LettuceConnectionInfo before = INFOS.get(connection);
    if (before != null) {
      info.database = before.database; // Lettuce selects the database again after a reconnect
    }
    INFOS.set(connection, info);
  }

  /** {@code connectStatefulAsync}'s arguments: the connection first, its URI among the others. */
  static void connecting(Object[] args) {
    if (args == null || args.length == 0) {
      return;
    }
    for (Object arg : args) {
      if (arg instanceof RedisURI) {
        selected(args[0], Integer.toString(((RedisURI) arg).getDatabase()));
        return;
      }
    }
  }

  /** The connection an endpoint serves, as far as seen. */
  static LettuceConnectionInfo ofEndpoint(Object endpoint) {
    Object connection = endpoint == null ? null : ENDPOINT_CONNECTIONS.get(endpoint);
    return connection == null ? UNKNOWN : of(connection);
  }

  static LettuceConnectionInfo of(Object connection) {
    LettuceConnectionInfo info = INFOS.get(connection);
    return info == null ? UNKNOWN : info;
  }

  static void selected(Object connection, String database) {
    LettuceConnectionInfo info = INFOS.get(connection);
    if (info == null) {
      info = new LettuceConnectionInfo(null, null, null);
      INFOS.set(connection, info);
    }
    info.database = database;
  }

  /** A connection's server, the IP address and port its channel is connected to, and its database index. */
  static final class LettuceConnectionInfo {
    final String address;
    final Integer port;
    final String peerAddress;
    final Integer peerPort;
    volatile String database = "0";

    LettuceConnectionInfo(String address, Integer port, InetSocketAddress peer) {
      this.address = address;
      this.port = port;
      this.peerAddress = PeerAddresses.ip(peer);
      this.peerPort = peerAddress == null ? null : peer.getPort();
    }
  }
}
