package dev.vireo.instrumentation.api.semconv.db;

/** Facts about a database system by its stable {@code db.system.name}: its older name, its usual port. */
public final class DbSystemNames {

  private DbSystemNames() {}

  public static String oldName(String stableName) {
    if (stableName == null) {
      return null;
    }
    switch (stableName) {
      case "h2database":
        return "h2";
      case "oracle.db":
        return "oracle";
      case "microsoft.sql_server":
        return "mssql";
      case "ibm.db2":
        return "db2";
      case "ibm.informix":
        return "informix";
      case "sap.hana":
        return "hanadb";
      case "aws.redshift":
        return "redshift";
      case "gcp.spanner":
        return "spanner";
      default:
        return stableName;
    }
  }

  /**
   * True when {@code port} is known and is not the system's usual one: the conventions ask for {@code server.port} only
   * then, and the OpenTelemetry agent leaves the usual one out of its database spans and metrics (PostgreSQL's {@code
   * 5432}, Jedis's {@code 6379}, written in a URL or not; its Lettuce spans aside, see {@code
   * DbClientAttributesGetter.writesUsualPort}).
   */
  public static boolean isPortWorthWriting(String dbSystemName, Integer port) {
    return port != null && port > 0 && port != defaultPort(dbSystemName);
  }

  /** The port a system listens on unless told otherwise; -1 when none is usual. */
  public static int defaultPort(String dbSystemName) {
    if (dbSystemName == null) {
      return -1;
    }
    switch (dbSystemName) {
      case "postgresql":
        return 5432;
      case "mysql":
      case "mariadb":
        return 3306;
      case "oracle.db":
        return 1521;
      case "microsoft.sql_server":
        return 1433;
      case "ibm.db2":
        return 50000;
      case "aws.redshift":
        return 5439;
      case "clickhouse":
        return 8123;
      case "h2database":
        return 9092;
      case "derby":
        return 1527;
      case "hsqldb":
        return 9001;
      case "redis":
        return 6379;
      case "mongodb":
        return 27017;
      default:
        return -1;
    }
  }
}
