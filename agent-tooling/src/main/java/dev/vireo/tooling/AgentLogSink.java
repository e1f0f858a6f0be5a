package dev.vireo.tooling;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.AgentLog;

/** Routes the instrumentation API's {@link AgentLog} into the one agent log on the bootstrap loader. */
final class AgentLogSink implements AgentLog.Sink {

  private static final VireoLog.Level[] LEVELS = {
    VireoLog.Level.DEBUG, VireoLog.Level.INFO, VireoLog.Level.WARN, VireoLog.Level.ERROR
  };

  @Override
  public boolean isDebugEnabled() {
    return VireoLog.isDebugEnabled();
  }

  @Override
  public void log(AgentLog.Level level, String message, Object... args) {
    VireoLog.log(LEVELS[level.ordinal()], message, args);
  }
}
