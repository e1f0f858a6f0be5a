package dev.vireo.instrumentation.lettuce;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.db.DbClientInstrumenters;
import dev.vireo.instrumentation.lettuce.LettuceConnections.LettuceConnectionInfo;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.DecoratedCommand;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.protocol.RedisCommand;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * One CLIENT span per dispatched command: started on the dispatching thread as a child of its
 * current context, never made current (the command runs on Lettuce's event loop), ended when the
 * command object that was dispatched completes. Keyed by that object: the commands it wraps or
 * that wrap it complete too, and find nothing.
 *
 * <p>A cluster connection's command is routed to a node only after dispatch, and sent again to
 * another node when the first answers {@code MOVED} or {@code ASK}; the conventions want one span for
 * the operation with its retries. So its span is made when it completes, started back at dispatch,
 * naming the node it was last written to (the one that answered).
 */
final class LettuceSpans {

  static final Instrumenter<LettuceRequest, Void> INSTRUMENTER =
      DbClientInstrumenters.create(InstrumentationScope.of(LettuceModule.NAME), new LettuceAttributesGetter());

  private static final VirtualField<Object, Call> CALLS = VirtualField.create();
  private static final VirtualField<Object, ClusterCall> CLUSTER_CALLS = VirtualField.create();

  /** The command class of Lettuce's cluster topology refresh (CLUSTER NODES, INFO, CLIENT LIST to each node). */
  private static final String TOPOLOGY_REFRESH_COMMAND = "io.lettuce.core.cluster.topology.TimedAsyncCommand";
  /** The client name Lettuce's topology refresh gives its connections to each node. */
  private static final String TOPOLOGY_REFRESH_CLIENT_NAME = "lettuce#ClusterTopologyRefresh";

  private LettuceSpans() {}

  static void dispatched(Object connection, RedisCommand<?, ?, ?> command) {
    ProtocolKeyword type = command == null ? null : command.getType();
    if (type == null) {
      return;
    }
    String name = type.name();
    LettuceRequest request = new LettuceRequest(LettuceConnections.of(connection), name, command);
    if ("SELECT".equals(name)) {
      selected(connection, command);
    }
    Context parent = Context.current();
    if (!INSTRUMENTER.shouldStart(parent, request) || isTopologyRefresh(command)) {
      return;
    }
    CALLS.set(command, new Call(INSTRUMENTER.start(parent, request), request));
  }

  /** A cluster connection dispatches a command: its parent and start are kept until it completes. */
  static void clusterDispatched(RedisCommand<?, ?, ?> command) {
    ProtocolKeyword type = command == null ? null : command.getType();
    Context parent = Context.current();
    if (type == null || !INSTRUMENTER.shouldStart(parent, null)) {
      return;
    }
    Instant now = Instant.now();
    CLUSTER_CALLS.set(command, new ClusterCall(parent, now.getEpochSecond() * 1_000_000_000L + now.getNano(), type.name()));
  }

  /** A command is written to an endpoint: if it is (or wraps) a cluster command, that node serves it now. */
  static void written(Object endpoint, RedisCommand<?, ?, ?> command) {
    RedisCommand<?, ?, ?> each = command;
    for (int depth = 0; each != null && depth < 8; depth++) {
      ClusterCall call = CLUSTER_CALLS.get(each);
      if (call != null) {
        call.connection = LettuceConnections.ofEndpoint(endpoint);
        return;
      }
      each = each instanceof DecoratedCommand ? ((DecoratedCommand<?, ?, ?>) each).getDelegate() : null;
    }
  }

  private static boolean isTopologyRefresh(RedisCommand<?, ?, ?> command) {
    if (TOPOLOGY_REFRESH_COMMAND.equals(command.getClass().getName())) {
      return true;
    }
    // the refresh's own node connections name themselves first, as ordinary commands; a MOVED reply
    // starts a refresh in the background, so these would be stray root spans in any traced application
    if (!"CLIENT".equals(command.getType().name())) {
      return false;
    }
    CommandArgs<?, ?> args = command.getArgs();
    String text = args == null ? null : args.toCommandString();
    return text != null && text.contains(TOPOLOGY_REFRESH_CLIENT_NAME);
  }

  static void completed(RedisCommand<?, ?, ?> command) {
    Call call = CALLS.take(command);
    if (call == null) {
      call = startClusterCall(command);
    }
    if (call == null) {
      return;
    }
    CommandOutput<?, ?, ?> output = command.getOutput();
    String error = output == null ? null : output.getError();
    INSTRUMENTER.end(call.context, call.request, null, error == null ? null : new RedisCommandExecutionException(error));
  }

  static void failed(RedisCommand<?, ?, ?> command, Throwable error) {
    Call call = CALLS.take(command);
    if (call == null) {
      call = startClusterCall(command);
    }
    if (call != null) {
      INSTRUMENTER.end(call.context, call.request, null, error);
    }
  }

  /** The span of a completed cluster command, started back when it was dispatched; null if it is none. */
  private static Call startClusterCall(RedisCommand<?, ?, ?> command) {
    ClusterCall cluster = CLUSTER_CALLS.take(command);
    if (cluster == null) {
      return null;
    }
    LettuceRequest request = new LettuceRequest(cluster.connection, cluster.command, command);
    return new Call(INSTRUMENTER.start(cluster.parent, request, cluster.startEpochNanos), request);
  }

  static void cancelled(RedisCommand<?, ?, ?> command) {
    failed(command, new CancellationException("command cancelled"));
  }

  /** {@code SELECT index}: the connection's commands from now on run on that database. */
  private static void selected(Object connection, RedisCommand<?, ?, ?> command) {
    CommandArgs<?, ?> args = command.getArgs();
    List<String> split = LettuceArguments.split(args == null ? null : args.toCommandString());
    if (split.size() == 1) {
      try {
        LettuceConnections.selected(connection, Integer.toString(Integer.parseInt(split.get(0))));
      } catch (NumberFormatException notAnIndex) {
        // the server refuses it and the database stays as it was
      }
    }
  }

  /** A cluster command in flight: where its span will start, and the node it was last written to. */
  static final class ClusterCall {
    final Context parent;
    final long startEpochNanos;
    final String command;
    volatile LettuceConnectionInfo connection = LettuceConnections.ofEndpoint(null);

    ClusterCall(Context parent, long startEpochNanos, String command) {
      this.parent = parent;
      this.startEpochNanos = startEpochNanos;
      this.command = command;
    }
  }

  /** A command in flight. */
  static final class Call {
    final Context context;
    final LettuceRequest request;

    Call(Context context, LettuceRequest request) {
      this.context = context;
      this.request = request;
    }
  }
}
