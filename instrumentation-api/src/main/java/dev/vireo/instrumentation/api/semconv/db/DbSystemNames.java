package dev.vireo.instrumentation.api.semconv.db;

/** Maps a stable {@code db.system.name} to the older {@code db.system} value where the two differ. */
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
}
