package dev.vireo.instrumentation.r2dbc;

import dev.vireo.instrumentation.api.semconv.db.DbClientAttributesGetter;
import io.r2dbc.spi.R2dbcException;
import java.util.Collection;

/**
 * Hands an {@link R2dbcRequest}'s raw facts to the database conventions. {@code
 * db.response.status_code} of an {@link R2dbcException}: the vendor error number for MySQL, MariaDB
 * and SQL Server, the SQLSTATE for every other system (PostgreSQL, H2, ...), each falling back to
 * the other when the driver did not set it, as for JDBC.
 */
final class R2dbcAttributesGetter implements DbClientAttributesGetter<R2dbcRequest, Void> {

  @Override
  public String dbSystemName(R2dbcRequest request) {
    return request.connection.dbSystemName;
  }

  @Override
  public String dbNamespace(R2dbcRequest request) {
    return request.connection.namespace;
  }

  @Override
  public Collection<String> rawQueryTexts(R2dbcRequest request) {
    return request.sql;
  }

  @Override
  public boolean isParameterizedQuery(R2dbcRequest request) {
    return request.parameterized;
  }

  @Override
  public Long batchSize(R2dbcRequest request) {
    return request.batchSize;
  }

  @Override
  public String serverAddress(R2dbcRequest request) {
    return request.connection.serverAddress;
  }

  @Override
  public Integer serverPort(R2dbcRequest request) {
    return request.connection.serverPort;
  }

  @Override
  public String responseStatusCode(R2dbcRequest request, Void response, Throwable error) {
    if (!(error instanceof R2dbcException)) {
      return null;
    }
    R2dbcException exception = (R2dbcException) error;
    int vendorCode = exception.getErrorCode();
    String sqlState = exception.getSqlState();
    if (sqlState != null && sqlState.isEmpty()) {
      sqlState = null;
    }
    String vendor = vendorCode != 0 ? Integer.toString(vendorCode) : null;
    switch (String.valueOf(request.connection.dbSystemName)) {
      case "mysql":
      case "mariadb":
      case "microsoft.sql_server":
        return vendor != null ? vendor : sqlState;
      default:
        return sqlState != null ? sqlState : vendor;
    }
  }
}
