package dev.vireo.examples.shop.backend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Table {@code items} behind a HikariCP pool: H2 in memory by default, any JDBC database (PostgreSQL) when a URL
 * is given. Creates and seeds the table at start when it is empty.
 */
public final class ItemRepository implements AutoCloseable {

  public static final String DEFAULT_JDBC_URL = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1";

  private static final Item[] SEED = {
      new Item(1, "Espresso beans 1kg", 2490),
      new Item(2, "Burr grinder", 12900),
      new Item(3, "Milk jug", 1450),
      new Item(4, "Tamper", 3200),
  };

  private final HikariDataSource dataSource;

  private ItemRepository(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Connects (user/password may be null), then creates and seeds {@code items} if needed. */
  public static ItemRepository open(String jdbcUrl, String user, String password) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setPoolName("shop-backend");
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(4);
    HikariDataSource dataSource = new HikariDataSource(config);
    ItemRepository repository = new ItemRepository(dataSource);
    try {
      repository.createAndSeed();
    } catch (SQLException | RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return repository;
  }

  private void createAndSeed() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS items ("
          + "id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, price_cents INT NOT NULL)");
      try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM items")) {
        count.next();
        if (count.getInt(1) > 0) {
          return;
        }
      }
      try (PreparedStatement insert =
               connection.prepareStatement("INSERT INTO items (id, name, price_cents) VALUES (?, ?, ?)")) {
        for (Item item : SEED) {
          insert.setInt(1, item.id());
          insert.setString(2, item.name());
          insert.setInt(3, item.priceCents());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  public Optional<Item> find(int id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement query =
             connection.prepareStatement("SELECT id, name, price_cents FROM items WHERE id = ?")) {
      query.setInt(1, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(new Item(row.getInt(1), row.getString(2), row.getInt(3)));
      }
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
