/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.instrumentation.api.semconv.db;

import java.util.Locale;

/**
 * Turns a JDBC connection URL into a {@link JdbcConnectionInfo}. Knows the URL shapes of the common
 * drivers (PostgreSQL, MySQL, MariaDB, H2, HSQLDB, Derby, Oracle, SQL Server, jTDS, Db2, SQLite,
 * ClickHouse, Redshift, ...); for anything else it reads {@code //host:port/db} if present and says
 * {@code other_sql}. Takes the first host of a host list, strips user info and driver wrappers
 * ({@code jdbc:p6spy:}, {@code jdbc:tracing:}, {@code jdbc:otel:} ...). Never throws.
 *
 * <p>Parsing costs a few substrings; callers should do it once per connection (or cache per URL
 * in a bounded way), not per statement.
 */
public final class JdbcUrlParser {
  /** Drivers that wrap another driver's URL: {@code jdbc:<wrapper>:<real subprotocol>:...}. */
  private static final String[] WRAPPERS = {
    "p6spy:", "tracing:", "otel:", "log4jdbc:", "aws-wrapper:", "secretsmanager:", "datadog:"
  };

  private JdbcUrlParser() {}

  public static JdbcConnectionInfo parse(String url) {
    if (url == null) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    try {
      return parseUrl(url.trim());
    } catch (RuntimeException e) {
      return JdbcConnectionInfo.UNKNOWN; // a URL shape we did not foresee: never fail the app
    }
  }

  /** The parsing itself; may throw on a URL shape nobody foresaw (package-private for tests). */
  static JdbcConnectionInfo parseUrl(String url) {
    if (!url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    String rest = stripWrappers(url.substring(5));
    int colon = rest.indexOf(':');
    if (colon <= 0) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    String subprotocol = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    String spec = rest.substring(colon + 1);
    if (subprotocol.startsWith("mysql")) { // mysql, mysql+srv; then maybe loadbalance:, replication:
      return network("mysql", 3306, spec, "?;/");
    }
    if (subprotocol.startsWith("mariadb")) { // also mariadb:replication:, :loadbalance:, :sequential:
      return network("mariadb", 3306, spec, "?;/");
    }
    switch (subprotocol) {
      case "postgresql":
      case "pgsql":
        return postgresql(spec);
      case "h2":
        return h2(spec);
      case "hsqldb":
        return hsqldb(spec);
      case "derby":
        return derby(spec);
      case "oracle":
        return oracle(spec);
      case "sqlserver":
        return sqlServer(spec);
      case "jtds":
        return jtds(spec);
      case "db2":
        return db2(spec);
      case "as400":
        return network("ibm.db2", -1, spec, "?;/");
      case "sqlite":
        return sqlite(spec);
      case "clickhouse":
      case "ch":
        return network("clickhouse", 8123, spec, "?;/");
      case "redshift":
        return network("aws.redshift", 5439, spec, "?;/");
      case "firebirdsql":
      case "firebird":
        return network("firebirdsql", 3050, spec, "?;");
      case "informix-sqli":
        return network("ibm.informix", -1, spec, "?;:/");
      case "sap":
        return network("sap.hana", -1, spec, "?;/");
      case "teradata":
        return withoutNamespace(network("teradata", 1025, spec, "/"));
      case "trino":
        return network("trino", 8080, spec, "?;/");
      case "hive2":
        return network("hive", 10000, spec, "?;/");
      case "cloudspanner":
        return JdbcConnectionInfo.create("gcp.spanner", null, null, -1);
      default:
        return network("other_sql", -1, spec, "?;/");
    }
  }

  private static String stripWrappers(String rest) {
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String wrapper : WRAPPERS) {
        if (rest.regionMatches(true, 0, wrapper, 0, wrapper.length())) {
          rest = rest.substring(wrapper.length());
          stripped = true;
        }
      }
    }
    return rest;
  }

  // ------------------------------------------------------------------ generic //host:port/db

  /**
   * {@code [anything]//[user@]host[:port][,host2...][/db][?|;props]}. The namespace is the first
   * path segment, ending at any of {@code namespaceStops}. Without "//" only the system is known.
   */
  private static JdbcConnectionInfo network(String system, int defaultPort, String spec, String namespaceStops) {
    int slashes = spec.indexOf("//");
    if (slashes < 0) {
      return JdbcConnectionInfo.create(system, null, null, -1);
    }
    String afterSlashes = spec.substring(slashes + 2);
    // User info may hold any character ('/' in a password): cut at the last '@' before the query.
    int at = afterSlashes.lastIndexOf('@', indexOfAny(afterSlashes, "?", 0) - 1);
    if (at >= 0) {
      afterSlashes = afterSlashes.substring(at + 1);
    }
    int authorityEnd = authorityEnd(afterSlashes);
    HostPort hostPort = HostPort.parse(afterSlashes.substring(0, authorityEnd));
    String namespace = null;
    if (authorityEnd < afterSlashes.length() && afterSlashes.charAt(authorityEnd) == '/') {
      String path = afterSlashes.substring(authorityEnd + 1);
      namespace = path.substring(0, indexOfAny(path, namespaceStops, 0));
    }
    return JdbcConnectionInfo.create(system, namespace, hostPort.host, hostPort.portOr(defaultPort));
  }

  /** End of the authority: first '/', '?' or ';' outside brackets and parentheses. */
  private static int authorityEnd(String s) {
    int nesting = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '[' || c == '(') {
        nesting++;
      } else if (c == ']' || c == ')') {
        nesting--;
      } else if (nesting <= 0 && (c == '/' || c == '?' || c == ';')) {
        return i;
      }
    }
    return s.length();
  }

  private static JdbcConnectionInfo withoutNamespace(JdbcConnectionInfo info) {
    return JdbcConnectionInfo.create(info.getDbSystemName(), null, info.getServerAddress(), info.getServerPort());
  }

  // ------------------------------------------------------------------ per driver

  /** {@code //hosts/db?props} or {@code db} / {@code /} meaning localhost:5432. */
  private static JdbcConnectionInfo postgresql(String spec) {
    if (spec.startsWith("//")) {
      return network("postgresql", 5432, spec, "?/");
    }
    String db = spec.substring(0, indexOfAny(spec, "?", 0));
    if (db.startsWith("/")) {
      db = db.substring(1);
    }
    return JdbcConnectionInfo.create("postgresql", db, "localhost", 5432);
  }

  /** {@code mem:name}, {@code tcp://host:port/path}, {@code ssl://...}, {@code file:path}, {@code ~/path}. */
  private static JdbcConnectionInfo h2(String spec) {
    String s = spec.substring(0, indexOfAny(spec, ";", 0));
    if (startsWithIgnoreCase(s, "tcp://") || startsWithIgnoreCase(s, "ssl://")) {
      return network("h2database", 9092, s, "");
    }
    if (startsWithIgnoreCase(s, "mem:")) {
      return JdbcConnectionInfo.create("h2database", s.substring(4), null, -1);
    }
    return JdbcConnectionInfo.create("h2database", stripStoragePrefixes(s), null, -1);
  }

  /** Strips "file:", "nio:", "split:" ... but not a Windows drive letter ("C:/data"). */
  private static String stripStoragePrefixes(String s) {
    while (true) {
      int colon = s.indexOf(':');
      if (colon < 2 || !isLetters(s, 0, colon)) {
        return s;
      }
      s = s.substring(colon + 1);
    }
  }

  /** {@code mem:x}, {@code file:/p}, {@code res:/p}, {@code hsql://host:port/alias}, {@code http(s)://...}. */
  private static JdbcConnectionInfo hsqldb(String spec) {
    String s = spec.substring(0, indexOfAny(spec, ";", 0));
    if (startsWithIgnoreCase(s, "hsql://")) {
      return network("hsqldb", 9001, s, "?/");
    }
    if (startsWithIgnoreCase(s, "hsqls://")) {
      return network("hsqldb", 554, s, "?/");
    }
    if (startsWithIgnoreCase(s, "http://")) {
      return network("hsqldb", 80, s, "?/");
    }
    if (startsWithIgnoreCase(s, "https://")) {
      return network("hsqldb", 443, s, "?/");
    }
    return JdbcConnectionInfo.create("hsqldb", stripStoragePrefixes(s), null, -1);
  }

  /** {@code memory:x}, {@code directory:x}, {@code jar:(path)x}, {@code /path}, {@code //host:port/db}. */
  private static JdbcConnectionInfo derby(String spec) {
    String s = spec.substring(0, indexOfAny(spec, ";", 0));
    if (s.startsWith("//")) {
      return network("derby", 1527, s, "");
    }
    if (startsWithIgnoreCase(s, "jar:") || startsWithIgnoreCase(s, "classpath:")) {
      int close = s.indexOf(')');
      s = close >= 0 ? s.substring(close + 1) : s.substring(s.indexOf(':') + 1);
    }
    return JdbcConnectionInfo.create("derby", stripStoragePrefixes(s), null, -1);
  }

  /**
   * {@code thin:@host:port:SID}, {@code thin:@//host:port/service}, {@code thin:@host:port/service},
   * {@code thin:user/pw@...}, {@code thin:@(DESCRIPTION=...(HOST=h)(PORT=p)...(SERVICE_NAME=s))},
   * {@code thin:@tcps://host:port/service}, {@code thin:@alias} (a TNS alias: no host known).
   */
  private static JdbcConnectionInfo oracle(String spec) {
    int at = spec.indexOf("@(");
    if (at < 0) {
      at = spec.lastIndexOf('@'); // "user/p@ss@host..." : the password may hold '@'
    }
    if (at < 0) {
      return JdbcConnectionInfo.create("oracle.db", null, null, -1);
    }
    String target = spec.substring(at + 1).trim();
    if (target.startsWith("(")) {
      String host = Properties.value(target, "HOST");
      String service = Properties.value(target, "SERVICE_NAME");
      int port = HostPort.parsePort(Properties.value(target, "PORT"));
      return JdbcConnectionInfo.create(
          "oracle.db",
          service != null ? service : Properties.value(target, "SID"),
          host,
          port > 0 ? port : (host != null ? 1521 : -1));
    }
    if (startsWithIgnoreCase(target, "ldap://") || startsWithIgnoreCase(target, "ldaps://")) {
      return JdbcConnectionInfo.create("oracle.db", null, null, -1); // the host would be the LDAP server
    }
    if (startsWithIgnoreCase(target, "tcp://")) {
      target = target.substring(6);
    } else if (startsWithIgnoreCase(target, "tcps://")) {
      target = target.substring(7);
    } else if (target.startsWith("//")) {
      target = target.substring(2);
    }
    target = target.substring(0, indexOfAny(target, "?", 0));
    int hostEnd;
    String host;
    if (target.startsWith("[")) {
      hostEnd = target.indexOf(']') + 1;
      if (hostEnd <= 0) {
        return JdbcConnectionInfo.create("oracle.db", null, null, -1);
      }
      host = target.substring(1, hostEnd - 1);
    } else {
      hostEnd = indexOfAny(target, ":/", 0);
      host = target.substring(0, hostEnd);
    }
    if (hostEnd >= target.length()) {
      return JdbcConnectionInfo.create("oracle.db", null, null, -1); // TNS alias
    }
    int port = -1;
    int i = hostEnd;
    if (target.charAt(i) == ':') {
      int portEnd = indexOfAny(target, ":/", i + 1);
      port = HostPort.parsePort(target.substring(i + 1, portEnd));
      i = portEnd;
    }
    String namespace = null;
    if (i < target.length()) {
      // ":SID" or "/service[:server][/instance]"
      String name = target.substring(i + 1);
      namespace = name.substring(0, indexOfAny(name, ":/", 0));
    }
    return JdbcConnectionInfo.create("oracle.db", namespace, host, port > 0 ? port : 1521);
  }

  /**
   * {@code //[serverName[\instanceName][:port]][;property=value...]}; the properties serverName,
   * instanceName, portNumber/port and databaseName/database override. Namespace per semconv is
   * {@code instance|database}. A named instance without port uses a dynamic port: unknown.
   */
  private static JdbcConnectionInfo sqlServer(String spec) {
    String s = spec.startsWith("//") ? spec.substring(2) : spec;
    int semicolon = s.indexOf(';');
    String server = semicolon < 0 ? s : s.substring(0, semicolon);
    String properties = semicolon < 0 ? "" : s.substring(semicolon);
    String serverName = Properties.value(properties, "serverName");
    if (serverName != null) {
      server = serverName;
    }
    String instance = null;
    int backslash = server.indexOf('\\');
    HostPort hostPort;
    if (backslash >= 0) {
      String instanceAndPort = server.substring(backslash + 1);
      int colon = instanceAndPort.indexOf(':');
      instance = colon < 0 ? instanceAndPort : instanceAndPort.substring(0, colon);
      hostPort = HostPort.parse(server.substring(0, backslash));
      if (colon >= 0) {
        hostPort.port = HostPort.parsePort(instanceAndPort.substring(colon + 1));
      }
    } else {
      hostPort = HostPort.parse(server);
    }
    String instanceName = Properties.value(properties, "instanceName");
    if (instanceName != null) {
      instance = instanceName;
    }
    String portNumber = Properties.value(properties, "portNumber");
    if (portNumber == null) {
      portNumber = Properties.value(properties, "port");
    }
    if (portNumber != null) {
      hostPort.port = HostPort.parsePort(portNumber);
    }
    String database = Properties.value(properties, "databaseName");
    if (database == null) {
      database = Properties.value(properties, "database");
    }
    return JdbcConnectionInfo.create(
        "microsoft.sql_server",
        joinNamespace(instance, database),
        hostPort.host,
        hostPort.portOr(instance == null ? 1433 : -1));
  }

  /** {@code jtds:sqlserver://host[:port][/db][;instance=x;...]} and {@code jtds:sybase://...}. */
  private static JdbcConnectionInfo jtds(String spec) {
    boolean sybase = startsWithIgnoreCase(spec, "sybase:");
    int semicolon = spec.indexOf(';');
    String properties = semicolon < 0 ? "" : spec.substring(semicolon);
    String instance = Properties.value(properties, "instance");
    JdbcConnectionInfo info =
        network(sybase ? "sybase" : "microsoft.sql_server", sybase ? 5000 : 1433, spec, ";?/");
    String database = info.getNamespace();
    String databaseProperty = Properties.value(properties, "databaseName");
    return JdbcConnectionInfo.create(
        info.getDbSystemName(),
        joinNamespace(instance, databaseProperty != null ? databaseProperty : database),
        info.getServerAddress(),
        info.getServerPort());
  }

  private static String joinNamespace(String instance, String database) {
    if (instance == null || instance.isEmpty()) {
      return database;
    }
    return database == null || database.isEmpty() ? instance : instance + '|' + database;
  }

  /** {@code //host:port/db[:prop=v;...]} or a local catalog alias {@code db}. */
  private static JdbcConnectionInfo db2(String spec) {
    if (spec.startsWith("//")) {
      return network("ibm.db2", 50000, spec, "?;:/");
    }
    return JdbcConnectionInfo.create("ibm.db2", spec.substring(0, indexOfAny(spec, ":;", 0)), null, -1);
  }

  /** {@code /path/to.db}, {@code file:x.db?mode=...}, {@code :memory:} (no namespace). */
  private static JdbcConnectionInfo sqlite(String spec) {
    String s = spec.substring(0, indexOfAny(spec, "?", 0));
    if (s.isEmpty() || s.equals(":memory:") || spec.contains("mode=memory")) {
      return JdbcConnectionInfo.create("sqlite", null, null, -1);
    }
    if (startsWithIgnoreCase(s, "file:")) {
      s = s.substring(5);
    }
    return JdbcConnectionInfo.create("sqlite", s, null, -1);
  }

  // ------------------------------------------------------------------ small string helpers

  static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  private static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static boolean isLetters(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  /** First host and its port of an authority: user info, host lists, IPv6, MySQL key=value hosts. */
  static final class HostPort {
    String host;
    int port = -1;

    static HostPort parse(String authority) {
      HostPort result = new HostPort();
      int at = authority.lastIndexOf('@');
      String s = (at >= 0 ? authority.substring(at + 1) : authority).trim();
      s = firstHost(s);
      if (s.startsWith("[")) {
        int close = s.indexOf(']');
        String inner = s.substring(1, close < 0 ? s.length() : close);
        if (inner.indexOf('(') >= 0 || inner.indexOf(',') >= 0 || inner.indexOf('=') >= 0) {
          return parse(inner); // MySQL "[host1,host2]" / "[(host=..),(host=..)]" host list
        }
        result.host = inner; // IPv6 literal
        if (close >= 0 && close + 1 < s.length() && s.charAt(close + 1) == ':') {
          result.port = parsePort(s.substring(close + 2));
        }
      } else if (s.startsWith("(") || startsWithIgnoreCase(s, "address=")) {
        // MySQL: (host=h,port=p) or address=(host=h)(port=p)
        result.host = Properties.value(s, "host");
        result.port = parsePort(Properties.value(s, "port"));
      } else {
        int colon = s.indexOf(':');
        if (colon >= 0 && s.indexOf(':', colon + 1) < 0) {
          result.host = s.substring(0, colon);
          result.port = parsePort(s.substring(colon + 1));
        } else {
          result.host = s; // no port, or a bare IPv6 address
        }
      }
      if (result.host != null && result.host.isEmpty()) {
        result.host = null;
      }
      return result;
    }

    /** Up to the first ',' outside brackets and parentheses. */
    private static String firstHost(String s) {
      int nesting = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '[' || c == '(') {
          nesting++;
        } else if (c == ']' || c == ')') {
          nesting--;
        } else if (c == ',' && nesting <= 0) {
          return s.substring(0, i);
        }
      }
      return s;
    }

    /** The explicit port, else the default when a host is known, else -1. */
    int portOr(int defaultPort) {
      if (port > 0) {
        return port;
      }
      return host != null ? defaultPort : -1;
    }

    static int parsePort(String s) {
      if (s == null) {
        return -1;
      }
      s = s.trim();
      if (s.isEmpty() || s.length() > 5) {
        return -1;
      }
      int port = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        port = port * 10 + (c - '0');
      }
      return port > 0 && port <= 65535 ? port : -1;
    }
  }

  /** {@code key=value} lookup in ";k=v;", "?k=v&", "(K=V)" property syntaxes, key ignoring case. */
  static final class Properties {
    private Properties() {}

    static String value(String s, String key) {
      int keyLength = key.length();
      for (int i = 0; i + keyLength <= s.length(); i++) {
        if (!s.regionMatches(true, i, key, 0, keyLength)) {
          continue;
        }
        if (i > 0 && "(;,?&: \t".indexOf(s.charAt(i - 1)) < 0) {
          continue; // inside a longer key, e.g. "port" in "portNumber" is fine, "xport" is not
        }
        int j = skipSpaces(s, i + keyLength);
        if (j >= s.length() || s.charAt(j) != '=') {
          continue;
        }
        j = skipSpaces(s, j + 1);
        int end = indexOfAny(s, ";&(),", j);
        String value = s.substring(j, end).trim();
        return value.isEmpty() ? null : value;
      }
      return null;
    }

    private static int skipSpaces(String s, int i) {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
      return i;
    }
  }
}
