package dev.vireo.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentLogSinkTest {

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() {
    VireoLog.redirect(new PrintStream(logged, true, StandardCharsets.UTF_8));
    AgentLog.install(new AgentLogSink());
  }

  @AfterEach
  void tearDown() {
    AgentLog.install(null);
    VireoLog.configure(false, true);
    VireoLog.redirect(System.err);
  }

  private String agentLog() {
    return new String(logged.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void instrumentationLinesGoThroughTheOneAgentLog() {
    VireoLog.configure(false, true);

    AgentLog.debug("okhttp: span not ended: {}", "boom");
    AgentLog.warn("kafka: header not set on {}", "orders");

    assertThat(AgentLog.isDebugEnabled()).isFalse();
    assertThat(agentLog())
        .doesNotContain("span not ended")
        .matches("(?s)\\[[^]]+\\] \\[vireo\\] WARN kafka: header not set on orders\\R");
  }

  @Test
  void debugFollowsTheAgentsDebugSwitch() {
    VireoLog.configure(true, true);

    AgentLog.debug("grpc: client span not started: {}", "x");

    assertThat(AgentLog.isDebugEnabled()).isTrue();
    assertThat(agentLog()).contains("[vireo] DEBUG grpc: client span not started: x");
  }

  @Test
  void silencedAgentLogSilencesInstrumentations() {
    VireoLog.configure(true, false);

    AgentLog.error("servlet: {}", "lost");

    assertThat(agentLog()).isEmpty();
  }

  @Test
  void beforeStartUpLinesAreDropped() {
    AgentLog.install(null);
    VireoLog.configure(true, true);

    AgentLog.error("early: {}", "line");

    assertThat(agentLog()).isEmpty();
  }
}
