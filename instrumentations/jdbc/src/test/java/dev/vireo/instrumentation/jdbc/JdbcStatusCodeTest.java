package dev.vireo.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** db.response.status_code per system: vendor number, ORA-nnnnn or SQLSTATE, each with its fallback. */
class JdbcStatusCodeTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        // system,             SQLSTATE, vendor code, expected
        "postgresql,           42P01,    0,     42P01",
        "postgresql,           null,     7,     7",
        "h2database,           42S02,    42102, 42S02",
        "other_sql,            null,     0,     null",
        "other_sql,            '',       0,     null",
        "mysql,                42S02,    1146,  1146",
        "mariadb,              42S02,    1146,  1146",
        "mariadb,              08000,    0,     08000",
        "microsoft.sql_server, S0002,    208,   208",
        "oracle.db,            42000,    942,   ORA-00942",
        "oracle.db,            08006,    17002, ORA-17002",
        "oracle.db,            08006,    0,     08006",
      })
  void statusCode(String system, String sqlState, int vendorCode, String expected) {
    SQLException error = new SQLException("failed", sqlState, vendorCode);
    assertThat(JdbcAttributesGetter.statusCode(system, error)).isEqualTo(expected);
  }
}
