/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.instrumentation.api.semconv.db;

/**
 * The SQL words the analyzer reacts to, looked up case-insensitively straight from a region of the
 * statement (no substring, no allocation) in a small open-addressing table built once.
 */
final class SqlKeywords {
  static final int NONE = 0;

  // Operations.
  static final int SELECT = 1;
  static final int INSERT = 2;
  static final int UPDATE = 3;
  static final int DELETE = 4;
  static final int MERGE = 5;
  static final int CALL = 6;
  static final int EXEC = 7;
  static final int EXECUTE = 8;
  static final int CREATE = 9;
  static final int DROP = 10;
  static final int ALTER = 11;
  static final int TRUNCATE = 12;
  static final int REPLACE = 13;
  static final int UPSERT = 14;
  static final int WITH = 15;

  // Words after which a target follows.
  static final int FROM = 16;
  static final int JOIN = 17;
  static final int STRAIGHT_JOIN = 18;
  static final int INTO = 19;
  static final int USING = 20;

  // Object kinds of DDL statements (CREATE TABLE, DROP INDEX, ...).
  static final int TABLE = 21;
  static final int INDEX = 22;
  static final int VIEW = 23;
  static final int SEQUENCE = 24;
  static final int SCHEMA = 25;
  static final int DATABASE = 26;
  static final int PROCEDURE = 27;
  static final int FUNCTION = 28;
  static final int TRIGGER = 29;
  static final int TYPE = 30;
  static final int USER = 31;
  static final int ROLE = 32;
  static final int EXTENSION = 33;

  // Clauses that end a FROM list.
  static final int WHERE = 34;
  static final int GROUP = 35;
  static final int ORDER = 36;
  static final int HAVING = 37;
  static final int LIMIT = 38;
  static final int UNION = 39;
  static final int INTERSECT = 40;
  static final int EXCEPT = 41;
  static final int WINDOW = 42;
  static final int OFFSET = 43;
  static final int FETCH = 44;
  static final int FOR = 45;
  static final int RETURNING = 46;
  static final int SET = 47;
  static final int VALUES = 48;
  static final int ON = 49;

  static final int IN = 50;
  static final int TRUE = 51;
  static final int FALSE = 52;

  // Modifiers skipped while looking for a target or a DDL object kind.
  static final int ONLY = 53;
  static final int LATERAL = 54;
  static final int IF = 55;
  static final int NOT = 56;
  static final int EXISTS = 57;
  static final int IGNORE = 58;
  static final int LOW_PRIORITY = 59;
  static final int DELAYED = 60;
  static final int HIGH_PRIORITY = 61;
  static final int QUICK = 62;
  static final int OR = 63;
  static final int TEMPORARY = 64;
  static final int TEMP = 65;
  static final int UNIQUE = 66;
  static final int GLOBAL = 67;
  static final int LOCAL = 68;
  static final int UNLOGGED = 69;
  static final int MATERIALIZED = 70;
  static final int RECURSIVE = 71;

  // Words after which a '-' is a sign, not a subtraction.
  static final int AND = 72;
  static final int WHEN = 73;
  static final int THEN = 74;
  static final int ELSE = 75;
  static final int IS = 76;
  static final int LIKE = 77;
  static final int BETWEEN = 78;
  static final int CASE = 79;
  static final int RETURN = 80;
  static final int AS = 81;
  static final int BY = 82;

  // Statements summarised by their first word only (or word + target).
  static final int COMMIT = 83;
  static final int ROLLBACK = 84;
  static final int BEGIN = 85;
  static final int START = 86;
  static final int SHOW = 87;
  static final int USE = 88;
  static final int GRANT = 89;
  static final int REVOKE = 90;
  static final int SAVEPOINT = 91;
  static final int LOCK = 92;
  static final int EXPLAIN = 93;
  static final int DESCRIBE = 94;
  static final int ANALYZE = 95;
  static final int VACUUM = 96;
  static final int DECLARE = 97;
  static final int PREPARE = 98;
  static final int COPY = 99;

  private static final String[] NAMES = {
    null, "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "CALL", "EXEC", "EXECUTE", "CREATE",
    "DROP", "ALTER", "TRUNCATE", "REPLACE", "UPSERT", "WITH", "FROM", "JOIN", "STRAIGHT_JOIN",
    "INTO", "USING", "TABLE", "INDEX", "VIEW", "SEQUENCE", "SCHEMA", "DATABASE", "PROCEDURE",
    "FUNCTION", "TRIGGER", "TYPE", "USER", "ROLE", "EXTENSION", "WHERE", "GROUP", "ORDER",
    "HAVING", "LIMIT", "UNION", "INTERSECT", "EXCEPT", "WINDOW", "OFFSET", "FETCH", "FOR",
    "RETURNING", "SET", "VALUES", "ON", "IN", "TRUE", "FALSE", "ONLY", "LATERAL", "IF", "NOT",
    "EXISTS", "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "QUICK", "OR", "TEMPORARY",
    "TEMP", "UNIQUE", "GLOBAL", "LOCAL", "UNLOGGED", "MATERIALIZED", "RECURSIVE", "AND", "WHEN",
    "THEN", "ELSE", "IS", "LIKE", "BETWEEN", "CASE", "RETURN", "AS", "BY", "COMMIT", "ROLLBACK",
    "BEGIN", "START", "SHOW", "USE", "GRANT", "REVOKE", "SAVEPOINT", "LOCK", "EXPLAIN",
    "DESCRIBE", "ANALYZE", "VACUUM", "DECLARE", "PREPARE", "COPY"
  };

  private static final int MAX_LENGTH = 13;
  private static final int SLOTS = 512; // power of two, ~5x the keyword count: short probe chains
  private static final byte[] SLOT_IDS = new byte[SLOTS];

  static {
    for (int id = 1; id < NAMES.length; id++) {
      String name = NAMES[id];
      int slot = slot(hash(name, 0, name.length()));
      while (SLOT_IDS[slot] != 0) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      SLOT_IDS[slot] = (byte) id;
    }
  }

  private SqlKeywords() {}

  /** The upper-case spelling of keyword {@code id}. */
  static String name(int id) {
    return NAMES[id];
  }

  /** The keyword id of {@code sql[start, end)}, ignoring case, or {@link #NONE}. */
  static int lookup(String sql, int start, int end) {
    int length = end - start;
    if (length < 2 || length > MAX_LENGTH) {
      return NONE;
    }
    int hash = hash(sql, start, end);
    if (hash == 0) {
      return NONE;
    }
    int slot = slot(hash);
    while (true) {
      int id = SLOT_IDS[slot];
      if (id == 0) {
        return NONE;
      }
      String name = NAMES[id];
      if (name.length() == length && sql.regionMatches(true, start, name, 0, length)) {
        return id;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
  }

  /** Upper-case hash over ASCII letters and '_'; 0 when any other character occurs. */
  private static int hash(String s, int start, int end) {
    int h = 1;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        c -= 32;
      } else if ((c < 'A' || c > 'Z') && c != '_') {
        return 0;
      }
      h = 31 * h + c;
    }
    return h == 0 ? 1 : h;
  }

  private static int slot(int hash) {
    int h = hash * 0x9E3779B1;
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }
}
