package dev.vireo.instrumentation.api.semconv.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import org.junit.jupiter.api.Test;

class ConnectionPoolAttributesTest {

  @Test
  void thePoolAndItsDatabaseWithoutTheSystemsOwnPort() {
    assertThat(ConnectionPoolAttributes.of("orders", JdbcUrlParser.parse("jdbc:postgresql://db.internal/shop"), true))
        .isEqualTo(
            Attributes.builder()
                .put("db.system.name", "postgresql")
                .put("db.namespace", "shop")
                .put("server.address", "db.internal")
                .put("db.client.connection.pool.name", "orders")
                .build());
    assertThat(
            ConnectionPoolAttributes.of("orders", JdbcUrlParser.parse("jdbc:mysql://db.internal:3307/shop"), true)
                .get(AttributeKey.longKey("server.port")))
        .isEqualTo(3307L);
  }

  @Test
  void anEmbeddedDatabaseHasNoServer() {
    assertThat(ConnectionPoolAttributes.of("HikariPool-1", JdbcUrlParser.parse("jdbc:h2:mem:orders"), true))
        .isEqualTo(
            Attributes.builder()
                .put("db.system.name", "h2database")
                .put("db.namespace", "orders")
                .put("db.client.connection.pool.name", "HikariPool-1")
                .build());
  }

  @Test
  void aDataSourceConfiguredByPropertiesHasNoSystem() {
    JdbcConnectionInfo properties = JdbcConnectionInfo.create(null, "shop", "db.internal", 5432);

    assertThat(ConnectionPoolAttributes.of("pool", properties, false))
        .isEqualTo(
            Attributes.builder()
                .put("db.namespace", "shop")
                .put("server.address", "db.internal")
                .put("server.port", 5432L) // no system, so no usual port to leave out
                .put("db.client.connection.pool.name", "pool")
                .build());
    assertThat(ConnectionPoolAttributes.of("pool", null, true))
        .isEqualTo(Attributes.builder().put("db.client.connection.pool.name", "pool").build());
  }

  @Test
  void aGeneratedPoolIsNamedAfterItsDatabaseElseItsServerElseItsSystem() {
    assertThat(name("jdbc:postgresql://db.internal:5432/shop")).isEqualTo("shop");
    assertThat(name("jdbc:postgresql://db.internal:6432/")).isEqualTo("db.internal:6432");
    assertThat(name("jdbc:postgresql://db.internal/")).isEqualTo("db.internal");
    assertThat(name("jdbc:postgresql://[::1]:6432/")).isEqualTo("[::1]:6432");
    assertThat(ConnectionPoolAttributes.generatedPoolName(JdbcConnectionInfo.create("sqlite", null, null, -1), true,
        "hikaricp")).isEqualTo("sqlite");
    assertThat(ConnectionPoolAttributes.generatedPoolName(JdbcConnectionInfo.create(null, null, null, -1), false,
        "hikaricp")).isEqualTo("hikaricp");
    assertThat(ConnectionPoolAttributes.generatedPoolName(null, true, "hikaricp")).isEqualTo("hikaricp");
  }

  private static String name(String url) {
    return ConnectionPoolAttributes.generatedPoolName(JdbcUrlParser.parse(url), true, "hikaricp");
  }
}
