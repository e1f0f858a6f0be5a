package dev.vireo.instrumentation.jdbc;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vireo.bootstrap.InjectedSlot;
import dev.vireo.instrumentation.api.semconv.db.JdbcConnectionInfo;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testlib.jdbc.CountingH2Connection;
import dev.vireo.testlib.jdbc.CountingH2DataSource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The connection URL is read once per physical connection, also when a pool wraps it anew per borrow. */
@ExtendWith(AgentTestingExtension.class)
class ConnectionInfoCacheTest {

  private static final String URL = "jdbc:h2:mem:vireo_cache;DB_CLOSE_DELAY=-1";

  @BeforeEach
  void reset() {
    CountingH2Connection.META_DATA_CALLS.set(0);
  }

  @Test
  void metadataIsReadOncePerConnection() throws Exception {
    try (Connection connection = new CountingH2Connection(URL)) {
      AgentTesting.clear();
      for (int i = 0; i < 3; i++) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SELECT " + i);
        }
      }
      assertThat(AgentTesting.waitForSpans(3).all()).hasSize(3);
      for (SpanData span : AgentTesting.spans()) {
        assertThat(span.getAttributes().get(stringKey("db.namespace"))).isEqualTo("vireo_cache");
      }
      assertThat(CountingH2Connection.META_DATA_CALLS.get()).isEqualTo(1);
    }
  }

  @Test
  void pooledConnectionIsUnwrappedAndReadOnce() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setDataSource(new CountingH2DataSource(URL));
    config.setMaximumPoolSize(1);
    config.setMinimumIdle(1);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      int callsBeforeUse = CountingH2Connection.META_DATA_CALLS.get();
      AgentTesting.clear();
      for (int i = 0; i < 3; i++) {
        try (Connection borrowed = pool.getConnection(); Statement statement = borrowed.createStatement()) {
          statement.execute("SELECT " + i);
        }
      }
      assertThat(AgentTesting.waitForSpans(3).all()).hasSize(3);
      assertThat(AgentTesting.spans()).hasSize(3);
      for (SpanData span : AgentTesting.spans()) {
        assertThat(span.getAttributes().get(stringKey("db.system.name"))).isEqualTo("h2database");
        assertThat(span.getAttributes().get(stringKey("db.namespace"))).isEqualTo("vireo_cache");
      }
      assertThat(CountingH2Connection.META_DATA_CALLS.get() - callsBeforeUse).isEqualTo(1);
    }
  }

  @Test
  void pooledStatementsAndConnectionsKeepTheAgentsStateInAFieldOfTheirOwn() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setDataSource(new CountingH2DataSource(URL));
    config.setMaximumPoolSize(1);
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection borrowed = pool.getConnection();
        PreparedStatement statement = borrowed.prepareStatement("SELECT ?")) {
      AgentTesting.clear();
      statement.setInt(1, 1);
      statement.executeQuery().close();
      assertThat(AgentTesting.waitForSpans(1).all()).hasSize(1);

      // the pool's and the driver's classes loaded after the agent: no map entry per borrow or statement
      assertThat(borrowed).isInstanceOf(InjectedSlot.class);
      assertThat(((InjectedSlot) borrowed).vireo$slot().getClass().getName())
          .isEqualTo(JdbcConnectionInfo.class.getName());
      assertThat(statement).isInstanceOf(InjectedSlot.class);
      assertThat(((InjectedSlot) statement).vireo$slot().getClass().getName())
          .isEqualTo(StatementState.class.getName());
      assertThat(AgentTesting.spans().get(0).getAttributes().get(stringKey("db.query.text"))).isEqualTo("SELECT ?");
    }
  }
}
