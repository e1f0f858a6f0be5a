package dev.vireo.instrumentation.jedis3;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.SpanFamily;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.common.PeerAddresses;
import dev.vireo.instrumentation.api.semconv.db.CommandBatch;
import dev.vireo.instrumentation.api.semconv.db.DbClientInstrumenters;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * The commands a connection sent and whose replies it has not read yet, oldest first (a Jedis
 * connection is used by one thread at a time): each has its span, started as a child of the context
 * current when it was sent, never made current (the reply is read in another call), ended when its
 * reply is read. A connection's database index follows the {@code SELECT}s it sends. The commands
 * a pipeline or transaction sends have no span of their own: they are one batch span at its {@code
 * sync()} / {@code exec()}, as the OpenTelemetry agent makes them ({@code PIPELINE}, {@code MULTI}).
 */
final class Jedis3Spans {

  static final Instrumenter<Jedis3Request, Void> INSTRUMENTER =
      DbClientInstrumenters.create(InstrumentationScope.of(Jedis3Module.NAME), new Jedis3AttributesGetter());

  /** Unanswered commands kept per connection at most. */
  static final int MAX_PENDING = 10_000;

  private static final VirtualField<Connection, State> STATES = VirtualField.create();
  /** Keyed by the pipeline or transaction. */
  private static final VirtualField<Object, CommandBatch<Jedis3Command>> BATCHES = VirtualField.create();

  private Jedis3Spans() {}

  static void sending(Connection connection, ProtocolCommand command, byte[][] args) {
    if (command == null) {
      return;
    }
    State state = stateOf(connection);
    Jedis3Command sent = new Jedis3Command(new String(command.getRaw(), StandardCharsets.UTF_8), args);
    String database = state.database;
    if ("SELECT".equals(sent.name) && args != null && args.length == 1) {
      try {
        state.database = Integer.toString(Integer.parseInt(new String(args[0], StandardCharsets.UTF_8)));
      } catch (NumberFormatException notAnIndex) {
        // the server refuses it and the database stays as it was
      }
    }
    Object batchOwner = state.queueingFor;
    Thread queueingThread = state.queueingThread;
    if (batchOwner != null) {
      state.queueingFor = null;
      state.queueingThread = null;
    }
    Call call = Call.NONE; // a command without a span still takes its place in the queue: replies are matched by order
    if (batchOwner != null && queueingThread == Thread.currentThread()) {
      batchOf(batchOwner).add(sent, sent.name); // its span is the batch's, at sync() / exec()
    } else {
      Jedis3Request request = Jedis3Request.command(sent, connection.getHost(), connection.getPort(), database);
      Context parent = Context.current();
      if (INSTRUMENTER.shouldStart(parent, request)) {
        call = new Call(INSTRUMENTER.start(parent, request), request);
      }
    }
    if (state.pending.size() >= MAX_PENDING) {
      end(state.pending.pollFirst(), null); // replies never read: no reason to keep the spans
    }
    state.pending.addLast(call);
  }

  /** A pipeline or transaction is about to send a command on {@code client}: the command joins its batch. */
  static void queueing(Object batchOwner, Connection client) {
    if (client != null) {
      State state = stateOf(client);
      state.queueingFor = batchOwner;
      state.queueingThread = Thread.currentThread();
    }
  }

  /** A pipeline's or transaction's commands since its last {@code sync()} / {@code exec()}. */
  private static CommandBatch<Jedis3Command> batchOf(Object batchOwner) {
    CommandBatch<Jedis3Command> batch = BATCHES.get(batchOwner);
    if (batch == null) {
      // as the OpenTelemetry agent names them
      batch = new CommandBatch<>(batchOwner instanceof Pipeline ? "PIPELINE" : "MULTI");
      BATCHES.set(batchOwner, batch);
    }
    return batch;
  }

  /**
   * A pipeline's {@code sync()} or a transaction's {@code exec()} starts: the batch's span, current while the replies
   * are read; the EXEC it sends is part of it. Without a span the commands it sends make none either.
   */
  static Object startBatch(Object batchOwner, Connection client) {
    // taken whether or not a span starts: the replies are read now
    CommandBatch<Jedis3Command> batch = BATCHES.take(batchOwner);
    if (batch == null || batch.isEmpty() || client == null) {
      return suppress();
    }
    State state = stateOf(client);
    Jedis3Request request = Jedis3Request.batch(batch, client.getHost(), client.getPort(), state.database);
    Context parent = Context.current();
    if (!INSTRUMENTER.shouldStart(parent, request)) {
      return suppress();
    }
    Context context = INSTRUMENTER.start(parent, request);
    return new BatchCall(context, context.makeCurrent(), request, client);
  }

  static void endBatch(Object call, Throwable thrown) {
    if (call instanceof BatchCall) {
      BatchCall batch = (BatchCall) call;
      batch.scope.close();
      stateOf(batch.client).peer(batch.client.getSocket()).into(batch.request);
      INSTRUMENTER.end(batch.context, batch.request, null, thrown);
    } else if (call instanceof Scope) {
      ((Scope) call).close();
    }
  }

  /** A transaction is discarded: its commands make no span, nor does the DISCARD. */
  static Object discard(Object transaction) {
    BATCHES.take(transaction);
    return suppress();
  }

  /** Makes current a context in which no Redis span starts (the DB client family marked active); its scope. */
  static Object suppress() {
    return SpanFamily.DB_CLIENT.suppress();
  }

  static void unsuppress(Object scope) {
    if (scope instanceof Scope) {
      ((Scope) scope).close();
    }
  }

  private static State stateOf(Connection connection) {
    State state = STATES.get(connection);
    if (state == null) {
      state = new State();
      STATES.set(connection, state);
    }
    return state;
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
    /**
     * The pipeline or transaction whose next command is being sent (set by its {@code getClient}), and the thread
     * sending it: a command that failed before it was sent (a null key) leaves the mark for the next command, which
     * joins the batch only when sent by the same thread.
     */
    Object queueingFor;
    Thread queueingThread;
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
      String address = PeerAddresses.ip(remote);
      return new Peer(socket, address, address == null ? null : ((InetSocketAddress) remote).getPort());
    }

    void into(Jedis3Request request) {
      request.peerAddress = address;
      request.peerPort = port;
    }
  }

  /** A running batch span: what its end needs. */
  private static final class BatchCall {
    final Context context;
    final Scope scope;
    final Jedis3Request request;
    final Connection client;

    BatchCall(Context context, Scope scope, Jedis3Request request, Connection client) {
      this.context = context;
      this.scope = scope;
      this.request = request;
      this.client = client;
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
