package dev.vireo.testlib.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.h2.jdbc.JdbcConnection;

/**
 * A driver connection whose liveness check runs a statement through the JDBC API, as some drivers
 * do (pgjdbc on replication connections, older drivers always). Outside dev.vireo.instrumentation so
 * the agent instruments it.
 */
public final class PingingH2Connection extends JdbcConnection {

  public PingingH2Connection(String url) throws SQLException {
    super(url, new Properties(), "sa", "", false);
  }

  @Override
  public boolean isValid(int timeoutSeconds) {
    try (Statement statement = createStatement()) {
      return statement.execute("SELECT 1");
    } catch (SQLException e) {
      return false;
    }
  }
}
