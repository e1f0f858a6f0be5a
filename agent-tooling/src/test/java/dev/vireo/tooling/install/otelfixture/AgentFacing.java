package dev.vireo.tooling.install.otelfixture;

import io.opentelemetry.fixture.ApiType;

/** The agent-facing half: sees the agent's OpenTelemetry. */
public final class AgentFacing {

  private AgentFacing() {}

  public static Class<?> apiType() {
    return ApiType.class;
  }
}
