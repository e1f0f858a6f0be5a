package dev.vireo.testing.agent;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Use with {@code @ExtendWith}: makes sure the agent is installed and clears spans before each test. */
public final class AgentTestingExtension implements BeforeAllCallback, BeforeEachCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    AgentTesting.installOnce();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    AgentTesting.clear();
  }
}
