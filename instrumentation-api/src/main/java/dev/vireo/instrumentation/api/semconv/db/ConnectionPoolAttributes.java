package dev.vireo.instrumentation.api.semconv.db;

import dev.vireo.instrumentation.api.semconv.common.CommonAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * The attributes every metric of one connection pool carries: {@code db.client.connection.pool.name} and, as the
 * OpenTelemetry agent writes them with the stable database conventions (Vireo's), the database the pool connects to
 * ({@code db.system.name}, {@code db.namespace}, {@code server.address}, and {@code server.port} when it is not the
 * system's usual one); and the pool's name when the library made one up ({@code HikariPool-1}): the database's name,
 * else its server, else the system, as the agent names it.
 */
public final class ConnectionPoolAttributes {

  public static final AttributeKey<String> POOL_NAME = AttributeKey.stringKey("db.client.connection.pool.name");
  public static final AttributeKey<String> CONNECTION_STATE = AttributeKey.stringKey("db.client.connection.state");

  private ConnectionPoolAttributes() {}

  /**
   * @param database what the pool's JDBC URL (or data source properties) says, null when unknown; its system is left
   *     out when {@code systemKnown} is false (a data source class configured by properties only)
   */
  public static Attributes of(String poolName, JdbcConnectionInfo database, boolean systemKnown) {
    AttributesBuilder attributes = Attributes.builder();
    if (database != null) {
      if (systemKnown) {
        attributes.put(DbAttributes.DB_SYSTEM_NAME, database.getDbSystemName());
      }
      putIfPresent(attributes, DbAttributes.DB_NAMESPACE, database.getNamespace());
      if (database.getServerAddress() != null) {
        attributes.put(CommonAttributes.SERVER_ADDRESS, database.getServerAddress());
        int port = reportedPort(database, systemKnown);
        if (port > 0) {
          attributes.put(CommonAttributes.SERVER_PORT, (long) port);
        }
      }
    }
    return attributes.put(POOL_NAME, poolName).build();
  }

  /**
   * The name of a pool whose own name the library generated: the database's name, else {@code address:port} (an
   * IPv6 address in brackets; the port only when it is not the usual one), else the database system, else {@code
   * fallback}.
   */
  public static String generatedPoolName(JdbcConnectionInfo database, boolean systemKnown, String fallback) {
    if (database == null) {
      return fallback;
    }
    if (database.getNamespace() != null) {
      return database.getNamespace();
    }
    String address = database.getServerAddress();
    if (address != null) {
      int port = reportedPort(database, systemKnown);
      if (port <= 0 || address.indexOf(',') >= 0) {
        return address;
      }
      return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ':' + port;
    }
    return systemKnown ? database.getDbSystemName() : fallback;
  }

  /** The database's port unless it is the system's usual one; -1 when not reported. */
  private static int reportedPort(JdbcConnectionInfo database, boolean systemKnown) {
    int port = database.getServerPort();
    boolean written = systemKnown ? DbSystemNames.isPortWorthWriting(database.getDbSystemName(), port) : port > 0;
    return written ? port : -1;
  }

  private static void putIfPresent(AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
