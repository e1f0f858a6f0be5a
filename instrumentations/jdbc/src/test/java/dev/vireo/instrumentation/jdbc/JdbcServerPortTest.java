package dev.vireo.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.semconv.db.DbSystemNames;
import dev.vireo.instrumentation.api.semconv.db.JdbcUrlParser;
import org.junit.jupiter.api.Test;

/**
 * {@code server.port} only when it is not the system's usual one, as the OpenTelemetry agent writes it: the system
 * a JDBC URL names is the one whose usual port the database conventions leave out.
 */
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
    JdbcRequest request = JdbcRequest.statement(JdbcUrlParser.parse(url), "select 1");
    Integer port = getter.serverPort(request);
    return DbSystemNames.isPortWorthWriting(getter.dbSystemName(request), port) ? port : null;
  }
}
