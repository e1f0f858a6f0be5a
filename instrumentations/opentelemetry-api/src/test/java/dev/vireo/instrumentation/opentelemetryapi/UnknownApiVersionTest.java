package dev.vireo.instrumentation.opentelemetryapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API that says it is a version the bridge does not know (2.0.0) is left alone: the application
 * runs on its own API's no-op implementation, without an exception.
 */
@ExtendWith(AgentTestingExtension.class)
class UnknownApiVersionTest {

  @Test
  void apiOfAnUnknownVersionIsNotBridged(@TempDir Path overrides) throws Exception {
    Path versionFile = overrides.resolve("io/opentelemetry/api/version.properties");
    Files.createDirectories(versionFile.getParent());
    Files.write(versionFile, "sdk.version=2.0.0\n".getBytes(StandardCharsets.UTF_8));
    Function<Connection, Map<String, String>> pricedOrder =
        ApplicationApiClassLoader.of(overrides, ApplicationApiClassLoader.apiJars("newest"))
            .newInstance("dev.vireo.testapp.otelapi.PricedOrder");

    Span server = VireoTelemetry.get().getTracer("test").spanBuilder("GET /orders").startSpan();
    Map<String, String> seen;
    try (Scope ignored = server.makeCurrent();
        Connection connection = java.sql.DriverManager.getConnection("jdbc:h2:mem:unknown")) {
      seen = pricedOrder.apply(connection);
    } finally {
      server.end();
    }

    assertThat(seen).containsEntry("current.spanId", "0000000000000000").containsEntry("current.recording", "false");
    // the agent's own spans are untouched: the server span and the JDBC span under it (the manual span is a no-op)
    assertThat(AgentTesting.waitForTraces(1).trace(0).get(0).getName()).isEqualTo("GET /orders");
    assertThat(AgentTesting.spans().stream().map(s -> s.getName())).containsExactlyInAnyOrder("GET /orders", "SELECT");
  }
}
