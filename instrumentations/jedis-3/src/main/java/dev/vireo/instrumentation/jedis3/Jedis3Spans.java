package dev.vireo.instrumentation.jedis3;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.db.DbClientInstrumenters;
import io.opentelemetry.context.Context;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import redis.clients.jedis.Connection;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * The commands a connection sent and whose replies it has not read yet, oldest first (a Jedis
 * connection is used by one thread at a time): each has its span, started as a child of the context
 * current when it was sent, never made current (the reply is read in another call), ended when its
 * reply is read. A connection's database index follows the {@code SELECT}s it sends.
 */
final class Jedis3Spans {

  static final Instrumenter<Jedis3Request, Void> INSTRUMENTER =
      DbClientInstrumenters.create(InstrumentationScope.of(Jedis3Module.NAME), new Jedis3AttributesGetter());

  /** Unanswered commands kept per connection at most. */
  static final int MAX_PENDING = 10_000;

  private static final VirtualField<Connection, State> STATES = VirtualField.create();

  private Jedis3Spans() {}

  static void sending(Connection connection, ProtocolCommand command, byte[][] args) {
    if (command == null) {
      return;
    }
    State state = STATES.get(connection);
    if (state == null) {
      state = new State();
      STATES.set(connection, state);
    }
    String name = new String(command.getRaw(), StandardCharsets.UTF_8);
    Jedis3Request request =
        new Jedis3Request(name, args, connection.getHost(), connection.getPort(), state.database);
    if ("SELECT".equals(name) && args != null && args.length == 1) {
      try {
        state.database = Integer.toString(Integer.parseInt(new String(args[0], StandardCharsets.UTF_8)));
      } catch (NumberFormatException notAnIndex) {
        // the server refuses it and the database stays as it was
      }
    }
    Context parent = Context.current();
    // a command without a span still takes its place in the queue: replies are matched by order
    Call call = INSTRUMENTER.shouldStart(parent, request)
        ? new Call(INSTRUMENTER.start(parent, request), request)
        : Call.NONE;
    if (state.pending.size() >= MAX_PENDING) {
      end(state.pending.pollFirst(), null); // replies never read: no reason to keep the spans
    }
    state.pending.addLast(call);
  }

  /** The command could not be written: no reply will come for it. */
  static void notSent(Connection connection, Throwable error) {
    State state = STATES.get(connection);
    Call call = state == null ? null : state.pending.pollLast();
    end(call, error);
  }

  static void replied(Connection connection, Throwable error) {
    State state = STATES.get(connection);
    if (state == null) {
      return;
    }
    Call call = state.pending.pollFirst();
    if (call != null && call != Call.NONE) {
      state.peer(connection.getSocket()).into(call.request);
    }
    end(call, error);
    if (error != null && !(error instanceof redis.clients.jedis.exceptions.JedisDataException)) {
      // a broken connection answers nothing more
      Call orphan;
      while ((orphan = state.pending.pollFirst()) != null) {
        end(orphan, error);
      }
    }
  }

  private static void end(Call call, Throwable error) {
    if (call != null && call != Call.NONE) {
      INSTRUMENTER.end(call.context, call.request, null, error);
    }
  }

  /** A connection's unanswered commands, its database index and the peer of its current socket. */
  private static final class State {
    final ArrayDeque<Call> pending = new ArrayDeque<>();
    volatile String database = "0";
    private Peer peer = Peer.NONE;

    /** The socket's peer, worked out once per socket (a reconnect makes a new one). */
    Peer peer(Socket socket) {
      if (socket != peer.socket) {
        peer = Peer.of(socket);
      }
      return peer;
    }
  }

  /** The IP address and port a socket is connected to. */
  private static final class Peer {
    static final Peer NONE = new Peer(null, null, null);

    final Socket socket;
    final String address;
    final Integer port;

    private Peer(Socket socket, String address, Integer port) {
      this.socket = socket;
      this.address = address;
      this.port = port;
    }

    static Peer of(Socket socket) {
      SocketAddress remote = socket == null ? null : socket.getRemoteSocketAddress();
      if (remote instanceof InetSocketAddress && ((InetSocketAddress) remote).getAddress() != null) {
        InetSocketAddress peer = (InetSocketAddress) remote;
        return new Peer(socket, peer.getAddress().getHostAddress(), peer.getPort());
      }
      return new Peer(socket, null, null);
    }

    void into(Jedis3Request request) {
      request.peerAddress = address;
      request.peerPort = port;
    }
  }

  /** A sent command. */
  private static final class Call {
    static final Call NONE = new Call(null, null);

    final Context context;
    final Jedis3Request request;

    Call(Context context, Jedis3Request request) {
      this.context = context;
      this.request = request;
    }
  }
}
