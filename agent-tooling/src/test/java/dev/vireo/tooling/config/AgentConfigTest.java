package dev.vireo.tooling.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

  @Test
  void systemPropertyBeatsAgentArgumentBeatsEnvironmentBeatsFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("agent.properties");
    Files.writeString(
        file,
        "otel.service.name=from-file\notel.resource.attributes=a=file\notel.traces.exporter=console\n"
            + "otel.propagators=b3\n");
    Map<String, String> env = new HashMap<>();
    env.put("OTEL_JAVAAGENT_CONFIGURATION_FILE", file.toString());
    env.put("OTEL_SERVICE_NAME", "from-env");
    env.put("OTEL_RESOURCE_ATTRIBUTES", "a=env");
    env.put("OTEL_TRACES_EXPORTER", "none");
    env.put("PATH", "/usr/bin");
    Properties system = new Properties();
    system.setProperty("otel.service.name", "from-system");
    system.setProperty("user.home", "/root");

    AgentConfig config =
        AgentConfig.load("otel.service.name=from-args;otel.resource.attributes=a=args", env, system);

    assertThat(config.getString("otel.service.name")).isEqualTo("from-system");
    assertThat(config.getString("otel.resource.attributes")).isEqualTo("a=args");
    assertThat(config.getString("otel.traces.exporter")).isEqualTo("none");
    assertThat(config.getString("otel.propagators")).isEqualTo("b3");
    assertThat(config.asMap()).doesNotContainKeys("user.home", "path");
  }

  @Test
  void dashedKeysAreFoundInTheirEnvironmentForm() {
    Map<String, String> env =
        Map.of("OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS", "X-Request-Id,User-Agent");
    AgentConfig config = AgentConfig.load(null, env, new Properties());
    assertThat(config.getList("otel.instrumentation.http.server.capture-request-headers"))
        .containsExactly("X-Request-Id", "User-Agent");
  }

  @Test
  void agentArgumentsWithoutEqualsAreIgnored() {
    AgentConfig config = AgentConfig.load("otel.service.name=x;garbage", Map.of(), new Properties());
    assertThat(config.getString("otel.service.name")).isEqualTo("x");
    assertThat(config.asMap()).hasSize(1);
  }

  @Test
  void missingConfigurationFileIsNotFatal() {
    Properties system = new Properties();
    system.setProperty("otel.javaagent.configuration-file", "/does/not/exist.properties");
    system.setProperty("otel.service.name", "still-here");
    AgentConfig config = AgentConfig.load(null, Map.of(), system);
    assertThat(config.getString("otel.service.name")).isEqualTo("still-here");
  }

  @Test
  void commaSeparatesAgentArgumentsWhereANewKeyFollows() {
    AgentConfig config =
        AgentConfig.load(
            "otel.service.name=x,otel.traces.exporter=console,otel.propagators=tracecontext,baggage;"
                + "otel.resource.attributes=a=1,b=2, vireo.flag=on",
            Map.of(),
            new Properties());
    assertThat(config.getString("otel.service.name")).isEqualTo("x");
    assertThat(config.getString("otel.traces.exporter")).isEqualTo("console");
    assertThat(config.getString("otel.propagators")).isEqualTo("tracecontext,baggage");
    assertThat(config.getString("otel.resource.attributes")).isEqualTo("a=1,b=2");
    assertThat(config.getString("vireo.flag")).isEqualTo("on");
  }
}
