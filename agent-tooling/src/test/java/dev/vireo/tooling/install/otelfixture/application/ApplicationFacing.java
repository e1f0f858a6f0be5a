package dev.vireo.tooling.install.otelfixture.application;

import dev.vireo.tooling.install.otelfixture.AgentFacing;
import io.opentelemetry.fixture.ApiType;

/** The application-facing half: sees the application's OpenTelemetry, and the agent-facing half. */
public final class ApplicationFacing {

  private ApplicationFacing() {}

  public static Class<?> apiType() {
    return ApiType.class;
  }

  public static Class<?> agentFacing() {
    return AgentFacing.class;
  }
}
