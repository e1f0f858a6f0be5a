package dev.vireo.instrumentation.jdbc;

import dev.vireo.instrumentation.api.SpanFamily;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.db.JdbcConnectionInfo;
import dev.vireo.instrumentation.api.semconv.db.JdbcUrlParser;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Statement;

/**
 * The {@link JdbcConnectionInfo} of a connection, parsed from {@code getMetaData().getURL()} once
 * per physical connection. A pool hands out a new wrapper per borrow, so a wrapper is unwrapped to
 * the driver's connection first ({@code unwrap(Connection.class)}) and both are remembered.
 */
final class ConnectionInfos {

  private static final VirtualField<Connection, JdbcConnectionInfo> INFOS = VirtualField.createInInjectedSlot();
  private static final int MAX_UNWRAP_DEPTH = 8;

  private ConnectionInfos() {}

  static JdbcConnectionInfo of(Statement statement) {
    Connection connection;
    try {
      connection = statement.getConnection();
    } catch (Throwable e) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    return connection == null ? JdbcConnectionInfo.UNKNOWN : of(connection);
  }

  static JdbcConnectionInfo of(Connection connection) {
    JdbcConnectionInfo info = INFOS.get(connection);
    if (info != null) {
      return info;
    }
    // Metadata and unwrap calls may run driver or pool code that executes statements: the open
    // DB_CLIENT marker keeps them from creating spans (and from coming back here).
    Scope scope = SpanFamily.DB_CLIENT.suppress();
    try {
      Connection physical = unwrap(connection);
      if (physical != connection) {
        info = INFOS.get(physical);
      }
      if (info == null) {
        info = JdbcUrlParser.parse(url(physical));
        if (physical != connection) {
          INFOS.set(physical, info);
        }
      }
    } finally {
      scope.close();
    }
    INFOS.set(connection, info);
    return info;
  }

  private static Connection unwrap(Connection connection) {
    Connection current = connection;
    try {
      for (int i = 0; i < MAX_UNWRAP_DEPTH; i++) {
        if (!current.isWrapperFor(Connection.class)) {
          break;
        }
        Connection inner = current.unwrap(Connection.class);
        if (inner == null || inner == current) {
          break;
        }
        current = inner;
      }
    } catch (Throwable e) {
      // JDBC 3 drivers (AbstractMethodError), closed connections, odd wrappers: keep what we have
    }
    return current;
  }

  private static String url(Connection connection) {
    try {
      DatabaseMetaData metaData = connection.getMetaData();
      return metaData == null ? null : metaData.getURL();
    } catch (Throwable e) {
      return null;
    }
  }
}
