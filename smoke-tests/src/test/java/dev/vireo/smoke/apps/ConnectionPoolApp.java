package dev.vireo.smoke.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A HikariCP pool (its name left to HikariCP) on an in-memory H2 database, for the pool-metrics smoke test. Its first
 * act is a query (a JDBC span, which builds the agent's SDK); then on stdin {@code query} runs one more and {@code
 * grow} holds three connections at once (the pool opens at least one more), each answered {@code <command> done}; end
 * of input closes the pool.
 */
public final class ConnectionPoolApp {

  public static void main(String[] args) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(2);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      query(pool);
      System.out.println("READY pool=" + pool.getPoolName());
      BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = commands.readLine()) != null) {
        String command = line.trim();
        if (command.equals("query")) {
          query(pool);
        } else if (command.equals("grow")) {
          try (Connection a = pool.getConnection(); Connection b = pool.getConnection(); Connection c = pool.getConnection()) {
            c.isValid(1);
          }
        } else {
          continue;
        }
        System.out.println(command + " done");
      }
    }
  }

  private static void query(HikariDataSource pool) throws Exception {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("select 1");
    }
  }
}
