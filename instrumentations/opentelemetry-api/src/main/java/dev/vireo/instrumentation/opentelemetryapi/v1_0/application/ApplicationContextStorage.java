package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import dev.vireo.instrumentation.opentelemetryapi.v1_0.AgentContexts;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;

/**
 * The application's {@code ContextStorage}, backed by the agent's context: what the application
 * makes current is current for the agent's instrumentations, and the other way round.
 */
public final class ApplicationContextStorage implements ContextStorage {

  static final ApplicationContextStorage INSTANCE = new ApplicationContextStorage();

  private ApplicationContextStorage() {}

  @Override
  public Scope attach(Context context) {
    Object scope = AgentContexts.makeCurrent(ApplicationContext.toAgent(context));
    return new ApplicationScope(scope);
  }

  /** Null for the agent's root context: the API then answers with its own root, nothing allocated. */
  @Override
  public Context current() {
    Object agentContext = AgentContexts.current();
    return agentContext == null ? null : new ApplicationContext(agentContext);
  }

  private static final class ApplicationScope implements Scope {
    private final Object agentScope;

    ApplicationScope(Object agentScope) {
      this.agentScope = agentScope;
    }

    @Override
    public void close() {
      AgentContexts.close(agentScope);
    }
  }
}
