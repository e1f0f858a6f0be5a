package dev.vireo.instrumentation.r2dbc;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.VirtualField;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.Option;
import java.util.Locale;
import org.reactivestreams.Publisher;

/**
 * The connection facts of R2DBC connections. The database system comes from the driver named in a
 * factory's options, else from the connection's own metadata (every driver has it); address, port
 * and database only from the options of a factory
 * found through {@code ConnectionFactories} (the SPI offers no other way to ask a connection where
 * it goes), handed to each connection that factory creates.
 */
final class ConnectionInfos {

  /** Options-only facts of factories found through {@code ConnectionFactories}. */
  private static final VirtualField<Object, R2dbcConnectionInfo> FACTORIES = VirtualField.create();

  /** Per connection: the factory's facts until the first statement, then the resolved facts. */
  private static final VirtualField<Object, R2dbcConnectionInfo> CONNECTIONS = VirtualField.create();

  private ConnectionInfos() {}

  static void factoryFound(Object factory, Object options) {
    if (factory instanceof ConnectionFactory && options instanceof ConnectionFactoryOptions) {
      FACTORIES.set(factory, fromOptions((ConnectionFactoryOptions) options));
    }
  }

  /** A factory's connections publisher, traced as {@link ConnectionCreation} says; else the original. */
  static Object creation(Object factory, Object connections) {
    if (!(connections instanceof Publisher)) {
      return connections;
    }
    @SuppressWarnings("unchecked")
    Publisher<Object> source = (Publisher<Object>) connections;
    return ReactorAdapters.asTypeOf(connections, new ConnectionCreation(source, FACTORIES.get(factory)));
  }

  /**
   * Called for each connection a factory with known options emits; the first factory to tell wins.
   * Drivers may run statements while they set a connection up, before emitting it: facts resolved
   * then without the options give way.
   */
  static void connectionCreated(Object connection, R2dbcConnectionInfo info) {
    R2dbcConnectionInfo known = CONNECTIONS.get(connection);
    if (known == null || !known.fromOptions) {
      CONNECTIONS.set(connection, info);
    }
  }

  /** The resolved facts of a connection; never null. */
  static R2dbcConnectionInfo of(Object connection) {
    R2dbcConnectionInfo known = CONNECTIONS.get(connection);
    if (known != null && known.dbSystemName != null) {
      return known;
    }
    String systemName = null;
    if (connection instanceof Connection) {
      systemName = systemNameOfProduct(productName((Connection) connection));
    }
    R2dbcConnectionInfo resolved;
    if (known == null) {
      resolved = systemName == null ? R2dbcConnectionInfo.UNKNOWN : R2dbcConnectionInfo.UNKNOWN.withSystemName(systemName);
    } else {
      resolved = known.withSystemName(systemName != null ? systemName : "other_sql");
    }
    CONNECTIONS.set(connection, resolved);
    return resolved;
  }

  private static String productName(Connection connection) {
    try {
      ConnectionMetadata metadata = connection.getMetadata();
      return metadata == null ? null : metadata.getDatabaseProductName();
    } catch (RuntimeException e) {
      AgentLog.debug("r2dbc: no connection metadata: {}", e);
      return null;
    }
  }

  static R2dbcConnectionInfo fromOptions(ConnectionFactoryOptions options) {
    String driver = string(options, ConnectionFactoryOptions.DRIVER);
    String protocol = string(options, ConnectionFactoryOptions.PROTOCOL);
    // a pool names the pooled driver as its protocol (r2dbc:pool:postgresql://...)
    String system = systemNameOfDriver(driver);
    if (system == null && protocol != null) {
      system = systemNameOfDriver(protocol);
    }
    String host = string(options, ConnectionFactoryOptions.HOST);
    Integer port = null;
    Object portValue = options.getValue(ConnectionFactoryOptions.PORT);
    if (portValue instanceof Number) {
      port = ((Number) portValue).intValue();
    } else if (portValue != null) {
      try {
        port = Integer.valueOf(portValue.toString().trim());
      } catch (NumberFormatException e) {
        port = null;
      }
    }
    // no port given: the system's usual one, which the database conventions leave out anyway
    if (host == null) {
      port = null;
    }
    // null system (a driver not known here): resolved from the connection's metadata at the first statement
    return new R2dbcConnectionInfo(system, string(options, ConnectionFactoryOptions.DATABASE), host, port, true);
  }

  private static String string(ConnectionFactoryOptions options, Option<?> option) {
    Object value = options.getValue(option);
    if (value == null) {
      return null;
    }
    String text = value.toString();
    return text.isEmpty() ? null : text;
  }

  /** {@code db.system.name} of a driver identifier ({@code r2dbc:<driver>:...}); null when unknown. */
  static String systemNameOfDriver(String driver) {
    if (driver == null) {
      return null;
    }
    switch (driver.toLowerCase(Locale.ROOT)) {
      case "h2":
        return "h2database";
      case "postgresql":
      case "postgres":
        return "postgresql";
      case "mysql":
        return "mysql";
      case "mariadb":
        return "mariadb";
      case "mssql":
      case "sqlserver":
        return "microsoft.sql_server";
      case "oracle":
        return "oracle.db";
      default:
        return null;
    }
  }

  /** {@code db.system.name} of {@code ConnectionMetadata.getDatabaseProductName()}; null when unknown. */
  static String systemNameOfProduct(String product) {
    if (product == null) {
      return null;
    }
    String name = product.toLowerCase(Locale.ROOT);
    if (name.startsWith("h2")) {
      return "h2database";
    }
    if (name.contains("postgres")) {
      return "postgresql";
    }
    if (name.contains("mariadb")) {
      return "mariadb";
    }
    if (name.contains("mysql")) {
      return "mysql";
    }
    if (name.contains("sql server")) {
      return "microsoft.sql_server";
    }
    if (name.contains("oracle")) {
      return "oracle.db";
    }
    if (name.contains("db2")) {
      return "ibm.db2";
    }
    return null;
  }
}
