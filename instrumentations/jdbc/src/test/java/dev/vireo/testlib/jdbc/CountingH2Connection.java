package dev.vireo.testlib.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbc.JdbcConnection;

/** An H2 connection that counts {@code getMetaData()} calls, to prove the agent reads the URL once per connection. */
public final class CountingH2Connection extends JdbcConnection {

  public static final AtomicInteger META_DATA_CALLS = new AtomicInteger();

  public CountingH2Connection(String url) throws SQLException {
    super(url, new Properties(), "sa", "", false);
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    META_DATA_CALLS.incrementAndGet();
    return super.getMetaData();
  }
}
