/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.instrumentation.api.semconv.db;

/**
 * The lexical rules that differ between SQL databases and matter for sanitization: whether a
 * double-quoted token is an identifier or a string literal, and whether a backslash escapes the
 * next character inside a single-quoted string. Getting these wrong can leak a literal into
 * {@code db.query.text}, so the analyzer needs to know which one applies.
 */
public enum SqlDialect {
  /**
   * ANSI SQL as spoken by PostgreSQL (standard_conforming_strings), H2, HSQLDB, Derby, Oracle, SQL
   * Server, Db2, SQLite: {@code "x"} is an identifier, a backslash inside {@code '...'} is an
   * ordinary character (only PostgreSQL {@code E'...'} strings use backslash escapes).
   */
  STANDARD(false, false, true, false),
  /**
   * MySQL and MariaDB defaults: {@code "x"} is a string literal, and a backslash escapes the next
   * character inside quoted strings, {@code #} starts a comment. Identifiers are back-quoted.
   */
  MYSQL(true, true, false, true);

  final boolean doubleQuotedStrings;
  final boolean backslashEscapes;
  // PostgreSQL and SQL Server nest block comments, MySQL ends one at the first "*/". Nesting where
  // the database does not only ever hides more text, so STANDARD nests.
  final boolean nestedComments;
  // MySQL: '#' starts a line comment; elsewhere it starts names (SQL Server #temp tables).
  final boolean hashComments;

  SqlDialect(
      boolean doubleQuotedStrings,
      boolean backslashEscapes,
      boolean nestedComments,
      boolean hashComments) {
    this.doubleQuotedStrings = doubleQuotedStrings;
    this.backslashEscapes = backslashEscapes;
    this.nestedComments = nestedComments;
    this.hashComments = hashComments;
  }

  /** The dialect for a {@code db.system.name} value; {@link #STANDARD} for unknown or null. */
  public static SqlDialect forDbSystem(String dbSystemName) {
    if ("mysql".equals(dbSystemName) || "mariadb".equals(dbSystemName)) {
      return MYSQL;
    }
    return STANDARD;
  }
}
