package dev.vireo.instrumentation.jedis;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.SpanFamily;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.db.DbClientInstrumenters;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.net.Socket;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.Pipeline;

/**
 * One CLIENT span per command, current while it runs (so nothing below it starts a second one), and
 * one per pipeline {@code sync()} or transaction {@code exec()} for the commands queued before it.
 */
final class JedisSpans {

  static final Instrumenter<JedisRequest, Void> INSTRUMENTER =
      DbClientInstrumenters.create(InstrumentationScope.of(JedisModule.NAME), new JedisAttributesGetter());

  /** Keyed by the pipeline or transaction. */
  private static final VirtualField<Object, JedisBatch> BATCHES = VirtualField.create();

  /** In the context while a {@code Jedis} method that sends its command directly runs. */
  private static final ContextKey<DirectCommand> DIRECT = ContextKey.named("vireo-jedis-direct-command");

  private JedisSpans() {}

  /** A direct-sending {@code Jedis} method starts: its command will get a span when it is sent. */
  static Object expectDirectCommand() {
    Context parent = Context.current();
    if (parent.get(DIRECT) != null || !INSTRUMENTER.shouldStart(parent, null)) {
      return null;
    }
    DirectCommand direct = new DirectCommand(parent);
    direct.scope = parent.with(DIRECT, direct).makeCurrent();
    return direct;
  }

  /** A command is sent: the span of the direct-sending method's command, the first one it sends. */
  static void directCommandSent(
      Connection connection, Socket socket, JedisSocketFactory socketFactory, CommandArguments arguments) {
    DirectCommand direct = Context.current().get(DIRECT);
    if (direct == null || direct.call != null || arguments == null) {
      return;
    }
    JedisConnections.JedisConnectionInfo server = JedisConnections.of(connection, socket, socketFactory);
    direct.call = start(direct.parent, JedisRequest.command(server, arguments));
  }

  static void endDirectCommand(Object direct, Throwable thrown) {
    if (!(direct instanceof DirectCommand)) {
      return;
    }
    DirectCommand running = (DirectCommand) direct;
    end(running.call, thrown); // closes the span's scope first: it was opened inside this one
    running.scope.close();
  }

  static Object startCommand(
      Connection connection, Socket socket, JedisSocketFactory socketFactory, CommandObject<?> command) {
    Context parent = Context.current();
    if (command == null || !INSTRUMENTER.shouldStart(parent, null)) {
      return null;
    }
    JedisConnections.JedisConnectionInfo server = JedisConnections.of(connection, socket, socketFactory);
    return start(parent, JedisRequest.command(server, command.getArguments()));
  }

  static void queued(Object pipeline, Connection connection, CommandObject<?> command) {
    if (command == null) {
      return;
    }
    JedisBatch batch = BATCHES.get(pipeline);
    if (batch == null) {
      batch = new JedisBatch(connection, pipeline instanceof Pipeline ? "PIPELINE" : "MULTI");
      BATCHES.set(pipeline, batch);
    }
    batch.add(command.getArguments());
  }

  static void discarded(Object transaction) {
    BATCHES.take(transaction);
  }

  static Object startBatch(Object pipeline) {
    // taken whether or not a span starts: the replies are read now (a nested sync() finds nothing)
    JedisBatch batch = BATCHES.take(pipeline);
    Context parent = Context.current();
    if (batch == null || batch.commands.isEmpty() || !INSTRUMENTER.shouldStart(parent, null)) {
      return null;
    }
    return start(parent, JedisRequest.batch(JedisConnections.of(batch.connection), batch));
  }

  /** A command ends; when it connected its connection (the first one does), the span names the new socket's peer. */
  static void endCommand(Object call, Connection connection, Socket socket, Throwable thrown) {
    if (call instanceof Call && socket != null && ((Call) call).request.connection.socket != socket) {
      ((Call) call).request.ended = JedisConnections.of(connection, socket, null);
    }
    end(call, thrown);
  }

  static void end(Object call, Throwable thrown) {
    if (!(call instanceof Call)) {
      return;
    }
    Call running = (Call) call;
    running.scope.close();
    INSTRUMENTER.end(running.context, running.request, null, thrown);
  }

  private static Object start(Context parent, JedisRequest request) {
    Context context = INSTRUMENTER.start(parent, request);
    return new Call(context, context.makeCurrent(), request);
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

  /** A direct-sending {@code Jedis} method running: its parent, and its command's span once sent. */
  static final class DirectCommand {
    final Context parent;
    Scope scope;
    Object call;

    DirectCommand(Context parent) {
      this.parent = parent;
    }
  }

  /** A running command or batch: what exit advice needs to end it. */
  static final class Call {
    final Context context;
    final Scope scope;
    final JedisRequest request;

    Call(Context context, Scope scope, JedisRequest request) {
      this.context = context;
      this.scope = scope;
      this.request = request;
    }
  }
}
