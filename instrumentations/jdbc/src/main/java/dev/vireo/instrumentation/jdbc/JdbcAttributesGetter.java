package dev.vireo.instrumentation.jdbc;

import dev.vireo.instrumentation.api.semconv.db.DbClientAttributesGetter;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Hands a {@link JdbcRequest}'s raw facts to the database conventions. {@code db.response.status_code} of a
 * {@link SQLException}: the vendor error number for MySQL, MariaDB, SQL Server and Sybase, {@code
 * ORA-nnnnn} for Oracle, the SQLSTATE for every other system (PostgreSQL, H2, ...), each falling
 * back to the other when the driver did not set it.
 */
final class JdbcAttributesGetter implements DbClientAttributesGetter<JdbcRequest, Void> {

  @Override
  public String dbSystemName(JdbcRequest request) {
    return request.connection.getDbSystemName();
  }

  @Override
  public String dbNamespace(JdbcRequest request) {
    return request.connection.getNamespace();
  }

  @Override
  public Collection<String> rawQueryTexts(JdbcRequest request) {
    return request.sql;
  }

  @Override
  public boolean isParameterizedQuery(JdbcRequest request) {
    return request.prepared;
  }

  @Override
  public Long batchSize(JdbcRequest request) {
    return request.batchSize;
  }

  @Override
  public String serverAddress(JdbcRequest request) {
    return request.connection.getServerAddress();
  }

  @Override
  public Integer serverPort(JdbcRequest request) {
    int port = request.connection.getServerPort();
    return port > 0 ? port : null;
  }

  @Override
  public String responseStatusCode(JdbcRequest request, Void response, Throwable error) {
    if (!(error instanceof SQLException)) {
      return null;
    }
    return statusCode(request.connection.getDbSystemName(), (SQLException) error);
  }

  static String statusCode(String dbSystemName, SQLException error) {
    int vendorCode = error.getErrorCode();
    String sqlState = error.getSQLState();
    if (sqlState != null && sqlState.isEmpty()) {
      sqlState = null;
    }
    switch (dbSystemName) {
      case "mysql":
      case "mariadb":
      case "microsoft.sql_server":
      case "sybase":
        return vendorCode != 0 ? Integer.toString(vendorCode) : sqlState;
      case "oracle.db":
        return vendorCode != 0 ? oracleCode(vendorCode) : sqlState;
      default:
        return sqlState != null ? sqlState : vendorCode != 0 ? Integer.toString(vendorCode) : null;
    }
  }

  private static String oracleCode(int code) {
    String digits = Integer.toString(code);
    StringBuilder result = new StringBuilder(9).append("ORA-");
    for (int i = digits.length(); i < 5; i++) {
      result.append('0');
    }
    return result.append(digits).toString();
  }
}
