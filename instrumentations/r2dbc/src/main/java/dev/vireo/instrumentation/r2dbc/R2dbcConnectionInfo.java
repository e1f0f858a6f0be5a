package dev.vireo.instrumentation.r2dbc;

/**
 * Where an R2DBC connection goes, in semantic-convention terms: {@code db.system.name}, {@code
 * db.namespace}, {@code server.address}, {@code server.port}. Immutable.
 */
final class R2dbcConnectionInfo {

  /** Nothing known beyond "some SQL database". */
  static final R2dbcConnectionInfo UNKNOWN = new R2dbcConnectionInfo("other_sql", null, null, null, false);

  /** Never null once resolved; null in a factory's options-only facts when its driver is not known here. */
  final String dbSystemName;
  final String namespace;
  final String serverAddress;
  final Integer serverPort;
  /** Whether namespace, address and port come from a factory's options (else they are unknown). */
  final boolean fromOptions;

  R2dbcConnectionInfo(
      String dbSystemName, String namespace, String serverAddress, Integer serverPort, boolean fromOptions) {
    this.dbSystemName = dbSystemName;
    this.namespace = namespace;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
    this.fromOptions = fromOptions;
  }

  R2dbcConnectionInfo withSystemName(String name) {
    return new R2dbcConnectionInfo(name, namespace, serverAddress, serverPort, fromOptions);
  }

  @Override
  public String toString() {
    return dbSystemName + "{namespace=" + namespace + ", address=" + serverAddress + ", port=" + serverPort + '}';
  }
}
