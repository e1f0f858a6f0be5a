package dev.vireo.testing.agent;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the agent when the JUnit launcher session opens, before test classes are loaded, in JVMs
 * started with {@code -Dvireo.testing=true} (the instrumentations' surefire configuration).
 */
public final class AgentTestingSession implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (Boolean.getBoolean("vireo.testing")) {
      AgentTesting.installOnce();
    }
  }
}
