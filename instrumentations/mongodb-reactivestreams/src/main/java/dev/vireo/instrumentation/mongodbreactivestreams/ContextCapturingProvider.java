package dev.vireo.instrumentation.mongodbreactivestreams;

import com.mongodb.MongoClientSettings;
import com.mongodb.RequestContext;
import com.mongodb.reactivestreams.client.ReactiveContextProvider;
import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.Context;
import org.reactivestreams.Subscriber;

/**
 * A {@code ReactiveContextProvider} that puts the context current at subscription into the request
 * context under {@link #CONTEXT_KEY}, where the mongodb module's command listener looks for a
 * command's parent. Settings that have a provider of their own keep it.
 */
final class ContextCapturingProvider implements ReactiveContextProvider {

  /** The key the mongodb module's listener reads ({@code TracingCommandListener.CONTEXT_KEY}). */
  static final String CONTEXT_KEY = "dev.vireo.context";

  private ContextCapturingProvider() {}

  static MongoClientSettings addTo(MongoClientSettings settings) {
    try {
      if (settings == null || settings.getContextProvider() != null) {
        return settings;
      }
      return MongoClientSettings.builder(settings).contextProvider(new ContextCapturingProvider()).build();
    } catch (RuntimeException e) {
      AgentLog.debug("mongodb-reactivestreams: settings kept as given: {}", e);
      return settings;
    }
  }

  @Override
  public RequestContext getContext(Subscriber<?> subscriber) {
    CapturedRequestContext requestContext = new CapturedRequestContext();
    requestContext.put(CONTEXT_KEY, Context.current());
    return requestContext;
  }
}
