package dev.vireo.instrumentation.api.semconv.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DbSystemNamesTest {

  @ParameterizedTest
  @CsvSource({
    "postgresql, postgresql",
    "mariadb, mariadb",
    "mysql, mysql",
    "h2database, h2",
    "hsqldb, hsqldb",
    "derby, derby",
    "oracle.db, oracle",
    "microsoft.sql_server, mssql",
    "ibm.db2, db2",
    "sap.hana, hanadb",
    "other_sql, other_sql",
  })
  void oldNames(String stable, String old) {
    assertThat(DbSystemNames.oldName(stable)).isEqualTo(old);
  }
}
