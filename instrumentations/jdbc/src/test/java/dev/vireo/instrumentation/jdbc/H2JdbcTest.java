package dev.vireo.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testlib.jdbc.PingingH2Connection;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class H2JdbcTest extends AbstractJdbcTest {

  H2JdbcTest() {
    super(JdbcDatabase.h2(), "h2");
  }

  @Override
  String missingTableStatusCode() {
    return "42S02"; // SQLSTATE base table or view not found
  }

  @Test
  void livenessCheckRunningAStatementCreatesNoSpan() throws Exception {
    try (Connection connection = new PingingH2Connection("jdbc:h2:mem:vireo_jdbc")) {
      AgentTesting.clear();
      Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("GET /items").setSpanKind(SpanKind.SERVER).startSpan();
      try (Scope ignored = parent.makeCurrent()) {
        assertThat(connection.isValid(1)).isTrue();
        // the same connection's own statements are still traced
        try (Statement statement = connection.createStatement()) {
          statement.execute("SELECT 2");
        }
      } finally {
        parent.end();
      }
    }
    onlyTrace(2).span(1).hasName("SELECT");
  }
}
