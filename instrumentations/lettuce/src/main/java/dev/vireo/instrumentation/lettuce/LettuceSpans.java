package dev.vireo.instrumentation.lettuce;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.db.DbClientInstrumenters;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.protocol.RedisCommand;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * One CLIENT span per dispatched command: started on the dispatching thread as a child of its
 * current context, never made current (the command runs on Lettuce's event loop), ended when the
 * command object that was dispatched completes. Keyed by that object: the commands it wraps or
 * that wrap it complete too, and find nothing.
 */
final class LettuceSpans {

  static final Instrumenter<LettuceRequest, Void> INSTRUMENTER =
      DbClientInstrumenters.create(InstrumentationScope.of(LettuceModule.NAME), new LettuceAttributesGetter());

  private static final VirtualField<Object, Call> CALLS = VirtualField.create();

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
    if (!INSTRUMENTER.shouldStart(parent, request)) {
      return;
    }
    CALLS.set(command, new Call(INSTRUMENTER.start(parent, request), request));
  }

  static void completed(RedisCommand<?, ?, ?> command) {
    Call call = CALLS.take(command);
    if (call == null) {
      return;
    }
    CommandOutput<?, ?, ?> output = command.getOutput();
    String error = output == null ? null : output.getError();
    INSTRUMENTER.end(call.context, call.request, null, error == null ? null : new RedisCommandExecutionException(error));
  }

  static void failed(RedisCommand<?, ?, ?> command, Throwable error) {
    Call call = CALLS.take(command);
    if (call != null) {
      INSTRUMENTER.end(call.context, call.request, null, error);
    }
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
