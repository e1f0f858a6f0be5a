/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.instrumentation.api.semconv.db;

/**
 * Where a JDBC connection goes, in semantic-convention terms: {@code db.system.name}, {@code
 * db.namespace}, {@code server.address}, {@code server.port}. Immutable; computed once per
 * connection URL by {@link JdbcUrlParser}.
 */
public final class JdbcConnectionInfo {
  /** Nothing known beyond "some SQL database". */
  public static final JdbcConnectionInfo UNKNOWN = new JdbcConnectionInfo("other_sql", null, null, -1);

  private final String dbSystemName;
  private final String namespace;
  private final String serverAddress;
  private final int serverPort;

  private JdbcConnectionInfo(String dbSystemName, String namespace, String serverAddress, int serverPort) {
    this.dbSystemName = dbSystemName;
    this.namespace = namespace;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
  }

  /**
   * @param dbSystemName semconv {@code db.system.name}; {@code other_sql} when null
   * @param namespace database name, or null
   * @param serverAddress host name or IP (IPv6 without brackets), or null
   * @param serverPort port, or -1 when unknown
   */
  public static JdbcConnectionInfo create(
      String dbSystemName, String namespace, String serverAddress, int serverPort) {
    return new JdbcConnectionInfo(
        dbSystemName == null ? "other_sql" : dbSystemName,
        emptyToNull(namespace),
        emptyToNull(serverAddress),
        serverPort > 0 && serverPort <= 65535 ? serverPort : -1);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** {@code db.system.name}, e.g. {@code postgresql}, {@code oracle.db}; never null. */
  public String getDbSystemName() {
    return dbSystemName;
  }

  /** {@code db.namespace}: the database (SQL Server: {@code instance|database}); may be null. */
  public String getNamespace() {
    return namespace;
  }

  /** {@code server.address}; null for embedded databases (H2 mem/file, Derby, SQLite ...). */
  public String getServerAddress() {
    return serverAddress;
  }

  /**
   * {@code server.port}: the port from the URL, or the system's default port when the URL names a
   * host without one; -1 when unknown (no host, or a SQL Server named instance without a port).
   */
  public int getServerPort() {
    return serverPort;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof JdbcConnectionInfo)) {
      return false;
    }
    JdbcConnectionInfo that = (JdbcConnectionInfo) o;
    return serverPort == that.serverPort
        && dbSystemName.equals(that.dbSystemName)
        && equal(namespace, that.namespace)
        && equal(serverAddress, that.serverAddress);
  }

  private static boolean equal(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  @Override
  public int hashCode() {
    int h = dbSystemName.hashCode();
    h = 31 * h + (namespace == null ? 0 : namespace.hashCode());
    h = 31 * h + (serverAddress == null ? 0 : serverAddress.hashCode());
    return 31 * h + serverPort;
  }

  @Override
  public String toString() {
    return dbSystemName + "{namespace=" + namespace + ", address=" + serverAddress + ", port=" + serverPort + '}';
  }
}
