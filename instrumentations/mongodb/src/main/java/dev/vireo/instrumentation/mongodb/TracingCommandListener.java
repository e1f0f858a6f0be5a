package dev.vireo.instrumentation.mongodb;

import com.mongodb.MongoClientSettings;
import com.mongodb.RequestContext;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.db.DbClientInstrumenters;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One CLIENT span per command: started when the driver sends it, as a child of the context current
 * on that thread (or the one the application subscribed in, when the reactive driver hands it over
 * in the event's request context), ended when its reply or failure arrives. Commands are matched
 * by their request id, unique in the driver.
 */
final class TracingCommandListener implements CommandListener {

  static final Instrumenter<MongoRequest, Void> INSTRUMENTER =
      DbClientInstrumenters.create(InstrumentationScope.of(MongoModule.NAME), new MongoAttributesGetter());

  /** {@link RequestContext} key under which a context provider may leave the caller's context. */
  static final String CONTEXT_KEY = "dev.vireo.context";

  private final ConcurrentHashMap<Integer, Call> calls = new ConcurrentHashMap<>();

  /** Adds a listener to the builder unless it has one (a builder may be built more than once). */
  static void addTo(MongoClientSettings.Builder builder, List<CommandListener> listeners) {
    if (listeners != null) {
      for (CommandListener listener : listeners) {
        if (listener instanceof TracingCommandListener) {
          return;
        }
      }
    }
    builder.addCommandListener(new TracingCommandListener());
  }

  @Override
  public void commandStarted(CommandStartedEvent event) {
    Context parent = parent(event.getRequestContext());
    if (!INSTRUMENTER.shouldStart(parent, null)) {
      return;
    }
    MongoRequest request = new MongoRequest(event);
    Context context = INSTRUMENTER.start(parent, request);
    request.release();
    calls.put(event.getRequestId(), new Call(context, request));
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    Call call = calls.remove(event.getRequestId());
    if (call != null) {
      INSTRUMENTER.end(call.context, call.started, null, null);
    }
  }

  @Override
  public void commandFailed(CommandFailedEvent event) {
    Call call = calls.remove(event.getRequestId());
    if (call != null) {
      INSTRUMENTER.end(call.context, call.started, null, event.getThrowable());
    }
  }

  private static Context parent(RequestContext requestContext) {
    if (requestContext != null) {
      Object context = requestContext.getOrDefault(CONTEXT_KEY, null);
      if (context instanceof Context) {
        return (Context) context;
      }
    }
    return Context.current();
  }

  /** A command in flight. */
  private static final class Call {
    final Context context;
    final MongoRequest started;

    Call(Context context, MongoRequest started) {
      this.context = context;
      this.started = started;
    }
  }
}
