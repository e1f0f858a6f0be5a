package dev.vireo.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.semconv.db.JdbcUrlParser;
import org.junit.jupiter.api.Test;

/** {@code server.port} only when it is not the system's usual one, as the OpenTelemetry agent writes it. */
class JdbcServerPortTest {

  private final JdbcAttributesGetter getter = new JdbcAttributesGetter();

  @Test
  void theSystemsUsualPortIsLeftOutWrittenOrNot() {
    assertThat(port("jdbc:postgresql://db.internal:5432/shop")).isNull();
    assertThat(port("jdbc:postgresql://db.internal/shop")).isNull();
    assertThat(port("jdbc:mariadb://db.internal:3306/shop")).isNull();
    assertThat(port("jdbc:sqlserver://db.internal;databaseName=shop")).isNull();
  }

  @Test
  void anotherPortIsKept() {
    assertThat(port("jdbc:postgresql://db.internal:6432/shop")).isEqualTo(6432);
    assertThat(port("jdbc:mysql://db.internal:3307/shop")).isEqualTo(3307);
    assertThat(port("jdbc:h2:tcp://db.internal:9093/shop")).isEqualTo(9093);
  }

  private Integer port(String url) {
    return getter.serverPort(JdbcRequest.statement(JdbcUrlParser.parse(url), "select 1"));
  }
}
