package dev.vireo.instrumentation.jedis;

import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.common.PeerAddresses;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisSocketFactory;

/**
 * What the spans of a connection's commands name: the server it is connected to (before it is, the
 * one its socket factory will connect to: Jedis connects at the first command, after its span
 * started) and its database index, which Jedis does not keep on the connection: every command passes
 * {@code sendCommand}, so a {@code SELECT} (also the one a client config sends when it connects) is
 * seen there.
 */
final class JedisConnections {

  private static final VirtualField<Connection, JedisConnectionInfo> INFOS = VirtualField.create();

  private JedisConnections() {}

  static JedisConnectionInfo of(Connection connection, Socket socket, JedisSocketFactory socketFactory) {
    JedisConnectionInfo info = INFOS.get(connection);
    if (info == null || (socket != null && info.socket != socket)) {
      // first command, or connected since: a new socket (a new one starts on the default database)
      JedisConnectionInfo connected = JedisConnectionInfo.of(socket, socketFactory);
      if (info != null && info.socket == null) {
        connected.database = info.database; // a SELECT seen before the first connect
      }
      info = connected;
      INFOS.set(connection, info);
    }
    return info;
  }

  /** The connection as far as seen; an empty one when nothing was sent yet. */
  static JedisConnectionInfo of(Connection connection) {
    JedisConnectionInfo info = INFOS.get(connection);
    return info == null ? JedisConnectionInfo.of(null, null) : info;
  }

  static void sent(Connection connection, Socket socket, JedisSocketFactory socketFactory, CommandArguments arguments) {
    JedisConnectionInfo info = of(connection, socket, socketFactory);
    if (arguments.size() == 2 && "SELECT".equals(JedisCommands.name(arguments))) {
      byte[] index = JedisCommands.firstArgument(arguments);
      try {
        info.database = Integer.toString(Integer.parseInt(new String(index, StandardCharsets.UTF_8)));
      } catch (NumberFormatException notAnIndex) {
        // the server refuses it and the database stays as it was
      }
    }
  }

  /**
   * A connection's server, the IP address and port its socket is connected to (none before it is), and
   * database index; the index changes with SELECT.
   */
  static final class JedisConnectionInfo {
    final Socket socket;
    final String address;
    final Integer port;
    final String peerAddress;
    final Integer peerPort;
    volatile String database = "0";

    private JedisConnectionInfo(Socket socket, String address, Integer port, InetSocketAddress peer) {
      this.socket = socket;
      this.address = address;
      this.port = port;
      this.peerAddress = PeerAddresses.ip(peer);
      this.peerPort = peerAddress == null ? null : peer.getPort();
    }

    static JedisConnectionInfo of(Socket socket, JedisSocketFactory socketFactory) {
      SocketAddress remote = socket == null ? null : socket.getRemoteSocketAddress();
      if (remote instanceof InetSocketAddress) {
        InetSocketAddress server = (InetSocketAddress) remote;
        return new JedisConnectionInfo(socket, server.getHostString(), server.getPort(), server);
      }
      if (socketFactory instanceof DefaultJedisSocketFactory) {
        HostAndPort configured = ((DefaultJedisSocketFactory) socketFactory).getHostAndPort();
        if (configured != null) {
          return new JedisConnectionInfo(socket, configured.getHost(), configured.getPort(), null);
        }
      }
      return new JedisConnectionInfo(socket, null, null, null);
    }
  }
}
