/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.instrumentation.api.semconv.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcUrlParserTest {

  static Stream<Arguments> urls() {
    // url, db.system.name, db.namespace, server.address, server.port
    return Stream.of(
        // PostgreSQL
        arguments("jdbc:postgresql://h1:5432,h2:5433/db?user=x", "postgresql", "db", "h1", 5432),
        arguments("jdbc:postgresql://h1:6000,h2:5433/db?user=x", "postgresql", "db", "h1", 6000),
        arguments("jdbc:postgresql://db.example.com/orders", "postgresql", "orders", "db.example.com", 5432),
        arguments("jdbc:postgresql://localhost:5432/test?currentSchema=s&ssl=true", "postgresql", "test", "localhost", 5432),
        arguments("jdbc:postgresql://[::1]:5433/test", "postgresql", "test", "::1", 5433),
        arguments("jdbc:postgresql://host/", "postgresql", null, "host", 5432),
        arguments("jdbc:postgresql:db", "postgresql", "db", "localhost", 5432),
        arguments("jdbc:postgresql:/", "postgresql", null, "localhost", 5432),
        arguments("JDBC:PostgreSQL://Host:1234/DB", "postgresql", "DB", "Host", 1234),
        // MySQL
        arguments("jdbc:mysql://localhost:3306/shop", "mysql", "shop", "localhost", 3306),
        arguments("jdbc:mysql://user:secret@dbhost/shop?useSSL=false", "mysql", "shop", "dbhost", 3306),
        arguments("jdbc:mysql://user:pa/ss@word@dbhost:3399/shop?user=a@b", "mysql", "shop", "dbhost", 3399),
        arguments("jdbc:mysql:loadbalance://h1:3307,h2:3308/shop", "mysql", "shop", "h1", 3307),
        arguments("jdbc:mysql:replication://primary,replica/shop", "mysql", "shop", "primary", 3306),
        arguments("jdbc:mysql+srv://_mysql._tcp.example.com/shop", "mysql", "shop", "_mysql._tcp.example.com", 3306),
        arguments("jdbc:mysql://address=(host=h1)(port=3310)(type=primary),address=(host=h2)/shop", "mysql", "shop", "h1", 3310),
        arguments("jdbc:mysql://(host=h1,port=3311,user=u),(host=h2)/shop", "mysql", "shop", "h1", 3311),
        arguments("jdbc:mysql://[(host=h1,port=3312),(host=h2)]/shop", "mysql", "shop", "h1", 3312),
        arguments("jdbc:mysql://[h1:3313,h2]/shop", "mysql", "shop", "h1", 3313),
        arguments("jdbc:mysql://", "mysql", null, null, -1),
        // MariaDB
        arguments("jdbc:mariadb://[::1]:3306/test", "mariadb", "test", "::1", 3306),
        arguments("jdbc:mariadb://127.0.0.1/test?user=root", "mariadb", "test", "127.0.0.1", 3306),
        arguments("jdbc:mariadb:replication://m1:3400,s1/test", "mariadb", "test", "m1", 3400),
        arguments("jdbc:mariadb:sequential://[2001:db8::1]/app", "mariadb", "app", "2001:db8::1", 3306),
        // H2
        arguments("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", "h2database", "test", null, -1),
        arguments("jdbc:h2:mem:", "h2database", null, null, -1),
        arguments("jdbc:h2:file:/tmp/x", "h2database", "/tmp/x", null, -1),
        arguments("jdbc:h2:~/x", "h2database", "~/x", null, -1),
        arguments("jdbc:h2:./data/app;MODE=PostgreSQL", "h2database", "./data/app", null, -1),
        arguments("jdbc:h2:file:C:/data/app", "h2database", "C:/data/app", null, -1),
        arguments("jdbc:h2:tcp://host:9092/db", "h2database", "db", "host", 9092),
        arguments("jdbc:h2:tcp://dbserver/~/test", "h2database", "~/test", "dbserver", 9092),
        arguments("jdbc:h2:ssl://secure:9093/mem:shared;IFEXISTS=TRUE", "h2database", "mem:shared", "secure", 9093),
        // HSQLDB
        arguments("jdbc:hsqldb:mem:x", "hsqldb", "x", null, -1),
        arguments("jdbc:hsqldb:file:/var/db/app;shutdown=true", "hsqldb", "/var/db/app", null, -1),
        arguments("jdbc:hsqldb:hsql://localhost/xdb", "hsqldb", "xdb", "localhost", 9001),
        arguments("jdbc:hsqldb:hsql://localhost:9002/xdb", "hsqldb", "xdb", "localhost", 9002),
        arguments("jdbc:hsqldb:http://web/xdb", "hsqldb", "xdb", "web", 80),
        // Derby
        arguments("jdbc:derby:memory:x;create=true", "derby", "x", null, -1),
        arguments("jdbc:derby:/opt/db/sample", "derby", "/opt/db/sample", null, -1),
        arguments("jdbc:derby:sample;user=a", "derby", "sample", null, -1),
        arguments("jdbc:derby:directory:mydb", "derby", "mydb", null, -1),
        arguments("jdbc:derby:jar:(/lib/dbs.jar)products", "derby", "products", null, -1),
        arguments("jdbc:derby://dbhost:1528/sample;create=true", "derby", "sample", "dbhost", 1528),
        arguments("jdbc:derby://dbhost/sample", "derby", "sample", "dbhost", 1527),
        // Oracle
        arguments("jdbc:oracle:thin:@host:1521:SID", "oracle.db", "SID", "host", 1521),
        arguments("jdbc:oracle:thin:@//host:1522/service", "oracle.db", "service", "host", 1522),
        arguments("jdbc:oracle:thin:@host/service", "oracle.db", "service", "host", 1521),
        arguments("jdbc:oracle:thin:@host:1523/svc.example.com:dedicated", "oracle.db", "svc.example.com", "host", 1523),
        arguments("jdbc:oracle:thin:scott/tiger@myhost:1521:orcl", "oracle.db", "orcl", "myhost", 1521),
        arguments("jdbc:oracle:thin:scott/p@ss@myhost:1521:orcl", "oracle.db", "orcl", "myhost", 1521),
        arguments("jdbc:oracle:thin:@tcps://secure:2484/svc?wallet_location=/w", "oracle.db", "svc", "secure", 2484),
        arguments("jdbc:oracle:thin:@[::1]:1525/svc", "oracle.db", "svc", "::1", 1525),
        arguments(
            "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=orahost)(PORT=1530))(CONNECT_DATA=(SERVICE_NAME=orcl.svc)))",
            "oracle.db", "orcl.svc", "orahost", 1530),
        arguments(
            "jdbc:oracle:thin:@(description = (address = (protocol = tcp)(host = h2)) (connect_data = (sid = XE)))",
            "oracle.db", "XE", "h2", 1521),
        arguments("jdbc:oracle:thin:@tnsalias", "oracle.db", null, null, -1),
        arguments("jdbc:oracle:oci:@host:1521:SID", "oracle.db", "SID", "host", 1521),
        arguments("jdbc:oracle:thin:@ldap://ldap.example.com:389/orcl,cn=OracleContext", "oracle.db", null, null, -1),
        // SQL Server
        arguments("jdbc:sqlserver://host:1433;databaseName=db", "microsoft.sql_server", "db", "host", 1433),
        arguments("jdbc:sqlserver://host;databaseName=db;encrypt=true", "microsoft.sql_server", "db", "host", 1433),
        arguments("jdbc:sqlserver://host\\instance;databaseName=db", "microsoft.sql_server", "instance|db", "host", -1),
        arguments("jdbc:sqlserver://host\\instance:1500;database=db", "microsoft.sql_server", "instance|db", "host", 1500),
        arguments("jdbc:sqlserver://;serverName=srv;portNumber=1444;databaseName=db", "microsoft.sql_server", "db", "srv", 1444),
        arguments("jdbc:sqlserver://host;instanceName=inst", "microsoft.sql_server", "inst", "host", -1),
        arguments("jdbc:sqlserver://[fe80::1]:1435;databaseName=db", "microsoft.sql_server", "db", "fe80::1", 1435),
        arguments("jdbc:jtds:sqlserver://host:1436/db;instance=i1", "microsoft.sql_server", "i1|db", "host", 1436),
        arguments("jdbc:jtds:sqlserver://host/db", "microsoft.sql_server", "db", "host", 1433),
        // Db2, SQLite, others
        arguments("jdbc:db2://db2host:50001/SAMPLE:currentSchema=S;", "ibm.db2", "SAMPLE", "db2host", 50001),
        arguments("jdbc:db2://db2host/SAMPLE", "ibm.db2", "SAMPLE", "db2host", 50000),
        arguments("jdbc:db2:SAMPLE", "ibm.db2", "SAMPLE", null, -1),
        arguments("jdbc:sqlite:/data/app.db", "sqlite", "/data/app.db", null, -1),
        arguments("jdbc:sqlite::memory:", "sqlite", null, null, -1),
        arguments("jdbc:sqlite:file:app.db?cache=shared", "sqlite", "app.db", null, -1),
        arguments("jdbc:clickhouse://ch:8124/analytics", "clickhouse", "analytics", "ch", 8124),
        arguments("jdbc:clickhouse:http://ch/analytics", "clickhouse", "analytics", "ch", 8123),
        arguments("jdbc:redshift://cluster.example.com:5439/dev", "aws.redshift", "dev", "cluster.example.com", 5439),
        arguments("jdbc:teradata://tdhost/DATABASE=x,CHARSET=UTF8", "teradata", null, "tdhost", 1025),
        arguments("jdbc:hive2://hive:10001/default", "hive", "default", "hive", 10001),
        arguments("jdbc:unknowndb://somehost:1234/somedb", "other_sql", "somedb", "somehost", 1234),
        arguments("jdbc:unknowndb://somehost/somedb", "other_sql", "somedb", "somehost", -1),
        // Wrappers
        arguments("jdbc:p6spy:postgresql://h:5432/db", "postgresql", "db", "h", 5432),
        arguments("jdbc:tracing:mysql://h/db", "mysql", "db", "h", 3306),
        arguments("jdbc:otel:h2:mem:w", "h2database", "w", null, -1),
        arguments("jdbc:p6spy:tracing:mariadb://h:3307/db", "mariadb", "db", "h", 3307),
        arguments("jdbc:aws-wrapper:postgresql://aurora:5432/db", "postgresql", "db", "aurora", 5432),
        // Garbage
        arguments("", "other_sql", null, null, -1),
        arguments("not a url", "other_sql", null, null, -1),
        arguments("jdbc:", "other_sql", null, null, -1),
        arguments("jdbc:nocolon", "other_sql", null, null, -1),
        arguments("jdbc:postgresql://:notaport/db", "postgresql", "db", null, -1),
        arguments("jdbc:mysql://host:99999/db", "mysql", "db", "host", 3306),
        arguments("jdbc:oracle:thin:@[unclosed", "oracle.db", null, null, -1),
        arguments("jdbc:sqlserver://", "microsoft.sql_server", null, null, -1),
        arguments("jdbc:mysql://[", "mysql", null, null, -1),
        arguments("jdbc:p6spy:", "other_sql", null, null, -1));
  }

  @ParameterizedTest
  @MethodSource("urls")
  void parses(String url, String system, String namespace, String address, int port) {
    JdbcConnectionInfo info = JdbcUrlParser.parse(url);
    assertThat(info.getDbSystemName()).as("db.system.name").isEqualTo(system);
    assertThat(info.getNamespace()).as("db.namespace").isEqualTo(namespace);
    assertThat(info.getServerAddress()).as("server.address").isEqualTo(address);
    assertThat(info.getServerPort()).as("server.port").isEqualTo(port);
  }

  /** The catch-all in parse() hides bugs; the parsing proper should not need it for any input. */
  @Test
  void randomUrlsDoNotThrow() {
    String[] prefixes = {
      "jdbc:postgresql:", "jdbc:mysql:", "jdbc:mariadb:", "jdbc:h2:", "jdbc:hsqldb:", "jdbc:derby:",
      "jdbc:oracle:thin:", "jdbc:sqlserver:", "jdbc:jtds:sqlserver:", "jdbc:db2:", "jdbc:sqlite:",
      "jdbc:clickhouse:", "jdbc:teradata:", "jdbc:x:", "jdbc:p6spy:"
    };
    String alphabet = "/:@[]()\\;?&=,.abhostHOST=PORT=1234567890 ";
    java.util.Random random = new java.util.Random(3);
    for (int round = 0; round < 50_000; round++) {
      StringBuilder url = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
      int n = random.nextInt(30);
      for (int i = 0; i < n; i++) {
        url.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      JdbcConnectionInfo info = JdbcUrlParser.parseUrl(url.toString());
      assertThat(info.getDbSystemName()).as(url.toString()).isNotNull();
    }
  }

  @Test
  void nullIsUnknown() {
    assertThat(JdbcUrlParser.parse(null)).isSameAs(JdbcConnectionInfo.UNKNOWN);
  }

  @Test
  void equalUrlsGiveEqualInfos() {
    assertThat(JdbcUrlParser.parse("jdbc:postgresql://h/db"))
        .isEqualTo(JdbcConnectionInfo.create("postgresql", "db", "h", 5432))
        .hasSameHashCodeAs(JdbcConnectionInfo.create("postgresql", "db", "h", 5432))
        .isNotEqualTo(JdbcConnectionInfo.create("postgresql", "db", "h", 5433));
  }

  @Test
  void createNormalizesEmptyValuesAndBadPorts() {
    JdbcConnectionInfo info = JdbcConnectionInfo.create(null, "", "", 70000);
    assertThat(info.getDbSystemName()).isEqualTo("other_sql");
    assertThat(info.getNamespace()).isNull();
    assertThat(info.getServerAddress()).isNull();
    assertThat(info.getServerPort()).isEqualTo(-1);
  }
}
