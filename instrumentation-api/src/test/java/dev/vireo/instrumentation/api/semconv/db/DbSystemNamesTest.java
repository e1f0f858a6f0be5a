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

  @ParameterizedTest
  @CsvSource({
    "postgresql, 5432, false",
    "postgresql, 5433, true",
    "mariadb, 3306, false",
    "redis, 6379, false",
    "redis, 7001, true",
    "mongodb, 27017, false",
    "other_sql, 5432, true",
    ", 6379, true",
    "redis, 0, false",
    "redis, -1, false",
    "redis, , false",
  })
  void onlyAKnownPortThatIsNotTheSystemsUsualOneIsWritten(String system, Integer port, boolean written) {
    assertThat(DbSystemNames.isPortWorthWriting(system, port)).isEqualTo(written);
  }
}
