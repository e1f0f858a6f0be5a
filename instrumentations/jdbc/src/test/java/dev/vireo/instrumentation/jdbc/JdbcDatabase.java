package dev.vireo.instrumentation.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A database the JDBC tests run against, with what the spans must say about it. */
final class JdbcDatabase {

  final String url;
  final String user;
  final String systemName;
  final String namespace;
  final String serverAddress; // null for embedded
  /** Null for the system's usual port, which the spans leave out as the OpenTelemetry agent does. */
  final Long serverPort;
  /** Where to tell a developer to look when the database is down. */
  final String description;

  private JdbcDatabase(
      String url, String user, String systemName, String namespace, String serverAddress, Long serverPort,
      String description) {
    this.url = url;
    this.user = user;
    this.systemName = systemName;
    this.namespace = namespace;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
    this.description = description;
  }

  static JdbcDatabase postgresql() {
    return new JdbcDatabase(
        "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "postgresql", "test", "127.0.0.1", null,
        "PostgreSQL at 127.0.0.1:5432 (database test, user postgres)");
  }

  static JdbcDatabase mariadb() {
    return new JdbcDatabase(
        "jdbc:mariadb://127.0.0.1:3306/test", "root", "mariadb", "test", "127.0.0.1", null,
        "MariaDB at 127.0.0.1:3306 (database test, user root, no password)");
  }

  static JdbcDatabase h2() {
    return new JdbcDatabase(
        "jdbc:h2:mem:vireo_jdbc;DB_CLOSE_DELAY=-1", "sa", "h2database", "vireo_jdbc", null, null,
        "in-memory H2");
  }

  Connection connect() {
    try {
      return DriverManager.getConnection(url, user, "");
    } catch (SQLException e) {
      // fail, never skip: the CI starts the databases; a test that cannot connect found a real problem
      throw new AssertionError("cannot connect to " + description + " via " + url + ": " + e, e);
    }
  }

  HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword("");
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(1);
    config.setPoolName("vireo-test-" + systemName);
    return new HikariDataSource(config);
  }
}
