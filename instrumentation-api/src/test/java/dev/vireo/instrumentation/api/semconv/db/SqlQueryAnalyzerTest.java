/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.instrumentation.api.semconv.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlQueryAnalyzerTest {

  static Stream<Arguments> sanitization() {
    return Stream.of(
        arguments("SELECT 1", "SELECT ?"),
        arguments("SELECT * FROM t WHERE id = 42", "SELECT * FROM t WHERE id = ?"),
        arguments("SELECT * FROM t WHERE id = ?", "SELECT * FROM t WHERE id = ?"),
        arguments("SELECT * FROM t WHERE name = 'bob'", "SELECT * FROM t WHERE name = ?"),
        arguments("SELECT * FROM t WHERE name = 'O''Brien'", "SELECT * FROM t WHERE name = ?"),
        arguments("SELECT 'a;b' , 'c--d', '/*e*/'", "SELECT ? , ?, ?"),
        // Standard SQL: the backslash is an ordinary char, the string ends there, the rest is hidden.
        arguments("SELECT 'it\\'s' FROM t", "SELECT ?s?"),
        arguments("SELECT x FROM t WHERE a=1.5 AND b=-2 AND c=3e10 AND d=.5", "SELECT x FROM t WHERE a=? AND b=? AND c=? AND d=?"),
        arguments("SELECT 1.5E-3, -7, +8, 2.", "SELECT ?, ?, ?, ?"),
        arguments("SELECT a-1, a - 1, a -1 FROM t", "SELECT a-?, a - ?, a -? FROM t"),
        arguments("SELECT * FROM t WHERE x = - 5", "SELECT * FROM t WHERE x = - ?"),
        arguments("SELECT 0xDEADbeef, X'0A1B', x'ff', B'1010'", "SELECT ?, ?, ?, ?"),
        arguments("SELECT N'unicode', E'esc\\'aped' FROM t", "SELECT ?, ? FROM t"),
        arguments("SELECT * FROM table1 WHERE col2 = 3", "SELECT * FROM table1 WHERE col2 = ?"),
        arguments("SELECT t1.c2, \"Col 3\" FROM t1", "SELECT t1.c2, \"Col 3\" FROM t1"),
        arguments("SELECT \"a\"\"b\" FROM `my``table` WHERE c='x'", "SELECT \"a\"\"b\" FROM `my``table` WHERE c=?"),
        arguments("UPDATE t SET flag = TRUE, other = false WHERE id = 1", "UPDATE t SET flag = ?, other = ? WHERE id = ?"),
        arguments("SELECT * FROM t WHERE t.true = 1", "SELECT * FROM t WHERE t.true = ?"),
        arguments("SELECT $$secret$$, $tag$it's $$ nested$tag$ FROM t", "SELECT ?, ? FROM t"),
        arguments("SELECT * FROM t WHERE a = $1 AND b = :name AND c = @p", "SELECT * FROM t WHERE a = $1 AND b = :name AND c = @p"),
        arguments("SELECT a::int, 'x'::text FROM t", "SELECT a::int, ?::text FROM t"),
        arguments("SELECT * FROM t WHERE id IN (1, 2, 3)", "SELECT * FROM t WHERE id IN (?)"),
        arguments("SELECT * FROM t WHERE id IN ('a','b') AND x IN (?, ?, ?)", "SELECT * FROM t WHERE id IN (?) AND x IN (?)"),
        arguments("SELECT * FROM t WHERE id NOT IN (-1, 2.5, 'x', TRUE)", "SELECT * FROM t WHERE id NOT IN (?)"),
        arguments("SELECT * FROM t WHERE id IN (5)", "SELECT * FROM t WHERE id IN (?)"),
        arguments("SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE v = 2)", "SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE v = ?)"),
        arguments("SELECT * FROM t WHERE id IN (a, 1)", "SELECT * FROM t WHERE id IN (a, ?)"),
        arguments("SELECT * FROM t WHERE id IN (1, a)", "SELECT * FROM t WHERE id IN (?, a)"),
        arguments("SELECT * FROM t WHERE id IN ($1, $2)", "SELECT * FROM t WHERE id IN ($1, $2)"),
        arguments("SELECT a -- the a\nFROM t", "SELECT a FROM t"),
        arguments("SELECT a /* why */ FROM t", "SELECT a FROM t"),
        arguments("SELECT a/*x*/FROM t", "SELECT a FROM t"),
        arguments("/* leading */ SELECT 1", "SELECT ?"),
        arguments("SELECT 1 -- trailing", "SELECT ?"),
        arguments("SELECT /* outer /* inner */ still comment */ 1", "SELECT ?"),
        arguments("SELECT 'unterminated FROM secret", "SELECT ?"),
        arguments("SELECT \"unterminated FROM secret", "SELECT ?"),
        arguments("SELECT 1 /* unterminated comment 'x' ", "SELECT ?"),
        arguments("SELECT $$ never closed", "SELECT ?"),
        arguments("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')", "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"),
        arguments("SELECT 1; DELETE FROM t WHERE id = 2", "SELECT ?; DELETE FROM t WHERE id = ?"),
        arguments("SELECT 1_000_000", "SELECT ?"),
        arguments("SELECT arr[1] FROM t", "SELECT arr[?] FROM t"),
        arguments("{call proc(?, 5)}", "{call proc(?, ?)}"),
        arguments("SELECT q'[it's]', Q'{a}b}', q'!x!' FROM dual", "SELECT ?, ?, ? FROM dual"),
        arguments("SELECT q'[never closed", "SELECT ?"),
        arguments("SELECT * FROM t WHERE id IN (1, /* two */ 2)", "SELECT * FROM t WHERE id IN (?)"),
        arguments("SELECT * FROM t WHERE id IN ( /* c */ ?, ?)", "SELECT * FROM t WHERE id IN (?)"),
        arguments("SELECT * FROM #temp WHERE a = 1", "SELECT * FROM #temp WHERE a = ?"),
        arguments("SELECT 'a' 'b' \n 'c'", "SELECT ? ? \n ?"),
        arguments("SELECT 1e5x, 12abc, 0b1010, 0xZZ", "SELECT ?, ?, ?, ?"),
        arguments("", ""),
        arguments("   ", "   "));
  }

  @ParameterizedTest
  @MethodSource("sanitization")
  void sanitizesLiterals(String sql, String expected) {
    assertThat(SqlQueryAnalyzer.analyze(sql).getQueryText()).isEqualTo(expected);
  }

  static Stream<Arguments> mysqlSanitization() {
    return Stream.of(
        arguments("SELECT * FROM t WHERE a = \"secret\"", "SELECT * FROM t WHERE a = ?"),
        arguments("SELECT 'it\\'s' FROM `t`", "SELECT ? FROM `t`"),
        arguments("SELECT \"say \\\"hi\\\"\", 1", "SELECT ?, ?"),
        arguments("SELECT /* a /* b */ 1", "SELECT ?"),
        arguments("SELECT * FROM t WHERE x IN (\"a\", \"b\")", "SELECT * FROM t WHERE x IN (?)"),
        arguments("SELECT 1 # secret 'comment'\nFROM t", "SELECT ? FROM t"),
        arguments("SELECT a FROM t -- x", "SELECT a FROM t"));
  }

  @ParameterizedTest
  @MethodSource("mysqlSanitization")
  void sanitizesMysqlDialect(String sql, String expected) {
    assertThat(SqlQueryAnalyzer.analyze(sql, SqlDialect.MYSQL).getQueryText()).isEqualTo(expected);
  }

  static Stream<Arguments> summaries() {
    return Stream.of(
        // The semantic conventions' own examples.
        arguments("SELECT *\nFROM wuser_table\nWHERE username = ?", "SELECT wuser_table"),
        arguments(
            "INSERT INTO shipping_details\n (order_id,\n address)\nSELECT order_id,\n address\nFROM orders\nWHERE order_id = ?",
            "INSERT shipping_details SELECT orders"),
        arguments("SELECT *\nFROM songs,\n artists\nWHERE songs.artist_id == artists.id", "SELECT songs artists"),
        arguments(
            "SELECT order_date\nFROM (SELECT *\n FROM orders o\n JOIN customers c\n ON o.customer_id = c.customer_id)",
            "SELECT SELECT orders customers"),
        arguments("SELECT *\nFROM \"song list\",\n 'artists'", "SELECT \"song list\" 'artists'"),
        arguments("{call some_stored_procedure}", "call some_stored_procedure"),
        // More.
        arguments("SELECT 1", "SELECT"),
        arguments("select now()", "select"),
        arguments("select * from Items where id = 1", "select Items"),
        arguments("SELECT a FROM public.items i WHERE i.x = 1", "SELECT public.items"),
        arguments("SELECT a FROM \"Sch\".\"Tab\" , other.t2", "SELECT \"Sch\".\"Tab\" other.t2"),
        arguments("SELECT * FROM [dbo].[Users] u", "SELECT [dbo].[Users]"),
        arguments("SELECT * FROM `db`.`orders`", "SELECT `db`.`orders`"),
        arguments("SELECT * FROM orders o LEFT OUTER JOIN customers c ON o.c = c.id INNER JOIN items i ON i.o = o.id", "SELECT orders customers items"),
        arguments("SELECT * FROM a JOIN b USING (id) WHERE x = 1", "SELECT a b"),
        arguments("SELECT EXTRACT(YEAR FROM d), SUBSTRING(s FROM 2) FROM t", "SELECT t"),
        arguments("SELECT (SELECT max(x) FROM b) AS m FROM c", "SELECT SELECT b c"),
        arguments("SELECT * FROM t WHERE id IN (SELECT id FROM u)", "SELECT t SELECT u"),
        arguments("SELECT * FROM a UNION ALL SELECT * FROM b", "SELECT a SELECT b"),
        arguments("SELECT * FROM t1, (SELECT x FROM t2) s, t3", "SELECT t1 SELECT t2 t3"),
        arguments("INSERT INTO orders (a, b) VALUES (1, 2)", "INSERT orders"),
        arguments("insert into orders values (?, ?) on duplicate key update a = 1, b = 2", "insert orders"),
        arguments("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = 2", "INSERT t"),
        arguments("INSERT OR REPLACE INTO kv VALUES (?, ?)", "INSERT kv"),
        arguments("REPLACE INTO kv VALUES (?, ?)", "REPLACE kv"),
        arguments("UPDATE items SET price = 2 WHERE id = 3", "UPDATE items"),
        arguments("UPDATE a SET x = b.y FROM b WHERE a.id = b.id", "UPDATE a b"),
        arguments("UPDATE a SET x = (SELECT y FROM b WHERE b.id = a.id)", "UPDATE a SELECT b"),
        arguments("DELETE FROM items WHERE id = 1", "DELETE items"),
        arguments("DELETE FROM a USING b WHERE a.id = b.id", "DELETE a b"),
        arguments("MERGE INTO target t USING source s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v", "MERGE target source"),
        arguments("SELECT * FROM t FOR UPDATE", "SELECT t"),
        arguments("WITH recent AS (SELECT * FROM orders WHERE d > ?) SELECT * FROM recent", "SELECT orders SELECT recent"),
        arguments("WITH a AS (SELECT 1), b (x) AS (SELECT x FROM t) INSERT INTO u SELECT * FROM b", "SELECT SELECT t INSERT u SELECT b"),
        arguments("WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved", "DELETE a INSERT b SELECT moved"),
        arguments("CALL proc(1, 2)", "CALL proc"),
        arguments("{? = call pkg.fn(?)}", "call pkg.fn"),
        arguments("EXEC dbo.GetCustomer @id = 5", "EXEC dbo.GetCustomer"),
        arguments("EXECUTE sp_who", "EXECUTE sp_who"),
        arguments("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(10))", "CREATE TABLE users"),
        arguments("create table if not exists logs (id int)", "create table logs"),
        arguments("CREATE OR REPLACE VIEW v AS SELECT a FROM t", "CREATE VIEW v SELECT t"),
        arguments("CREATE UNIQUE INDEX idx ON t (a)", "CREATE INDEX idx"),
        arguments("DROP TABLE IF EXISTS old_stuff", "DROP TABLE old_stuff"),
        arguments("ALTER TABLE t ADD COLUMN c INT", "ALTER TABLE t"),
        arguments("TRUNCATE TABLE t", "TRUNCATE t"),
        arguments("CREATE TABLE t2 AS SELECT * FROM t1", "CREATE TABLE t2 SELECT t1"),
        arguments("SELECT 1; SELECT 2 FROM b", "SELECT SELECT b"),
        arguments("INSERT INTO a VALUES (1); UPDATE b SET x = 1", "INSERT a UPDATE b"),
        arguments("BEGIN", "BEGIN"),
        arguments("BEGIN INSERT INTO audit VALUES (1); UPDATE t SET a = 2; END;", "BEGIN INSERT audit UPDATE t"),
        arguments("COMMIT", "COMMIT"),
        arguments("SET search_path = public", "SET"),
        arguments("SHOW TABLES", "SHOW"),
        arguments("EXPLAIN SELECT * FROM t", "EXPLAIN SELECT t"),
        arguments("/* hint */ SELECT /* x */ * FROM -- c\n t", "SELECT t"),
        arguments("SELECT * FROM user", "SELECT user"),
        arguments("SELECT * FROM ONLY parent", "SELECT parent"),
        arguments("SELECT * FROM t WHERE s = 'FROM secret'", "SELECT t"),
        arguments("SELECT * FROM 'unterminated", "SELECT"),
        arguments("SELECT * FROM #temp t JOIN ##global g ON t.a = g.a", "SELECT #temp ##global"),
        arguments("SELECT * FROM (SELECT * FROM (SELECT * FROM innermost) a) b", "SELECT SELECT SELECT innermost"),
        arguments("SELECT * FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.id = a.id)", "SELECT a SELECT b"),
        arguments("SELECT * FROM a, b WHERE x = 1 ORDER BY c, d", "SELECT a b"),
        arguments("UPDATE a, b SET a.x = b.y WHERE a.id = b.id", "UPDATE a b"),
        arguments("SELECT * FROM t WITH (NOLOCK) WHERE id = 1", "SELECT t"),
        arguments("select * from ORDERS o, \"Line Items\" li", "select ORDERS \"Line Items\""));
  }

  @ParameterizedTest
  @MethodSource("summaries")
  void summarizes(String sql, String expected) {
    assertThat(SqlQueryAnalyzer.analyze(sql).getQuerySummary()).isEqualTo(expected);
  }

  static Stream<Arguments> noSummary() {
    return Stream.of(
        arguments(""), arguments("   "), arguments("42"), arguments("foo bar"), arguments("-- only a comment"));
  }

  @ParameterizedTest
  @MethodSource("noSummary")
  void noSummaryWithoutOperation(String sql) {
    assertThat(SqlQueryAnalyzer.analyze(sql).getQuerySummary()).isNull();
  }

  static Stream<Arguments> names() {
    // sql, operation, collection, stored procedure
    return Stream.of(
        arguments("SELECT * FROM items WHERE id = 1", "SELECT", "items", null),
        arguments("select * from a join b on a.x = b.x", "select", null, null),
        arguments("INSERT INTO s.t SELECT * FROM u", "INSERT", null, null),
        arguments("UPDATE \"Items\" SET a = 1", "UPDATE", "\"Items\"", null),
        arguments("CREATE TABLE x (a int)", "CREATE TABLE", "x", null),
        arguments("create   table x (a int)", "create table", "x", null),
        arguments("CALL schema1.proc(?)", "CALL", null, "schema1.proc"),
        arguments("{call get_user(?)}", "call", null, "get_user"),
        arguments("EXEC sp_help", "EXEC", null, "sp_help"),
        arguments("SELECT 1", "SELECT", null, null),
        arguments("hello", null, null, null));
  }

  @ParameterizedTest
  @MethodSource("names")
  void extractsNames(String sql, String operation, String collection, String procedure) {
    SqlQuery query = SqlQueryAnalyzer.analyze(sql);
    assertThat(query.getOperationName()).isEqualTo(operation);
    assertThat(query.getCollectionName()).isEqualTo(collection);
    assertThat(query.getStoredProcedureName()).isEqualTo(procedure);
  }

  @Test
  void nullInputGivesNulls() {
    SqlQuery query = SqlQueryAnalyzer.analyze(null);
    assertThat(query.getQueryText()).isNull();
    assertThat(query.getQuerySummary()).isNull();
    assertThat(query.getOperationName()).isNull();
  }

  @Test
  void withoutSanitizingTheTextIsKeptButSummarized() {
    String sql = "SELECT a /* c */ FROM t WHERE b = 'x' AND c IN (1, 2)";
    SqlQuery query = SqlQueryAnalyzer.analyze(sql, SqlDialect.STANDARD, false);
    assertThat(query.getQueryText()).isSameAs(sql);
    assertThat(query.getQuerySummary()).isEqualTo("SELECT t");
    assertThat(query.getCollectionName()).isEqualTo("t");
  }

  @Test
  void withoutSanitizingLongTextIsStillCut() {
    String sql = "SELECT '" + "x".repeat(SqlQueryAnalyzer.MAX_QUERY_TEXT_LENGTH) + "' FROM t";
    SqlQuery query = SqlQueryAnalyzer.analyze(sql, SqlDialect.STANDARD, false);
    assertThat(query.getQueryText()).isEqualTo(sql.substring(0, SqlQueryAnalyzer.MAX_QUERY_TEXT_LENGTH));
    assertThat(query.getQuerySummary()).isEqualTo("SELECT t");
  }

  @Test
  void unchangedStatementIsReturnedAsIs() {
    String sql = "SELECT a FROM t WHERE id = ?";
    assertThat(SqlQueryAnalyzer.analyze(sql).getQueryText()).isSameAs(sql);
  }

  @Test
  void megabyteStatementIsBoundedAndComplete() {
    StringBuilder sql = new StringBuilder("SELECT * FROM big_table WHERE id IN (");
    while (sql.length() < 1024 * 1024) {
      sql.append("123456, 'secret', ");
    }
    sql.append("0) AND name = 'x' UNION SELECT * FROM other_table");
    SqlQuery query = SqlQueryAnalyzer.analyze(sql.toString());
    // The IN list of literals collapses, so the whole text fits.
    assertThat(query.getQueryText())
        .isEqualTo("SELECT * FROM big_table WHERE id IN (?) AND name = ? UNION SELECT * FROM other_table");
    assertThat(query.getQuerySummary()).isEqualTo("SELECT big_table SELECT other_table");
  }

  @Test
  void longTextIsCutAtTheLimitAndSummaryStillCoversTheEnd() {
    StringBuilder sql = new StringBuilder("SELECT ");
    while (sql.length() < 1024 * 1024) {
      sql.append("col, 'secret', 42, ");
    }
    sql.append("last FROM t1 JOIN t2 ON t1.a = t2.b");
    SqlQuery query = SqlQueryAnalyzer.analyze(sql.toString());
    assertThat(query.getQueryText()).hasSize(SqlQueryAnalyzer.MAX_QUERY_TEXT_LENGTH);
    assertThat(query.getQueryText()).startsWith("SELECT col, ?, ?, col, ?, ?, ");
    assertThat(query.getQueryText()).doesNotContain("secret").doesNotContain("42");
    assertThat(query.getQuerySummary()).isEqualTo("SELECT t1 t2");
  }

  @Test
  void megabyteWithoutLiteralsIsCut() {
    StringBuilder sql = new StringBuilder("SELECT ");
    while (sql.length() < 1024 * 1024) {
      sql.append("a, ");
    }
    sql.append("b FROM t");
    SqlQuery query = SqlQueryAnalyzer.analyze(sql.toString());
    assertThat(query.getQueryText()).isEqualTo(sql.substring(0, SqlQueryAnalyzer.MAX_QUERY_TEXT_LENGTH));
    assertThat(query.getQuerySummary()).isEqualTo("SELECT t");
  }

  @Test
  void summaryIsCutAtAWholeTarget() {
    StringBuilder sql = new StringBuilder("SELECT * FROM ");
    for (int i = 0; i < 100; i++) {
      sql.append(i == 0 ? "" : ", ").append("table_number_").append(i);
    }
    String summary = SqlQueryAnalyzer.analyze(sql.toString()).getQuerySummary();
    assertThat(summary).hasSizeLessThanOrEqualTo(SqlQueryAnalyzer.MAX_SUMMARY_LENGTH);
    assertThat(summary).startsWith("SELECT table_number_0 table_number_1 ");
    assertThat(summary).matches("SELECT( table_number_\\d+)+");
    assertThat(summary.length()).isGreaterThan(SqlQueryAnalyzer.MAX_SUMMARY_LENGTH - 17);
  }

  @Test
  void deeplyNestedParenthesesDoNotBreakAnything() {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < 200; i++) {
      sql.append('(');
    }
    sql.append("SELECT 1 FROM deep");
    for (int i = 0; i < 200; i++) {
      sql.append(')');
    }
    sql.append(" FROM outer_t");
    SqlQuery query = SqlQueryAnalyzer.analyze(sql.toString());
    assertThat(query.getQueryText()).contains("SELECT ? FROM deep").doesNotContain("1");
    assertThat(query.getQuerySummary()).startsWith("SELECT SELECT");
  }

  @Test
  void garbageNeverThrows() {
    String[] inputs = {
      "'", "\"", "`", "$", "$a", "$a$", "--", "/*", "*/", "(((", ")))", ";;;", "-", "-.", ".", "0x",
      "1e", "1e+", "E'", "N", "[", "[x", "{", "}", "?", ":", "::", "\\", "IN (", "IN (1,", "IN (1,)",
      "SELECT FROM", "FROM", "CREATE", "CREATE OR", "CALL", "WITH", "\u0000\u0001", "\uD83D\uDE00 SELECT"
    };
    for (String input : inputs) {
      SqlQuery query = SqlQueryAnalyzer.analyze(input);
      assertThat(query.getQueryText()).as(input).isNotNull();
    }
  }

  /**
   * Random statements built from SQL fragments and literals that carry a marker: no marker may
   * survive sanitization, whatever the neighbours (comments, quotes, operators, IN lists).
   */
  @Test
  void randomStatementsNeverLeakLiterals() {
    String[] fragments = {
      "SELECT", " ", "a", "t1.b", ",", "(", ")", "=", "-", "+", "FROM", "t", "WHERE", "IN", "AND",
      "/* c */", "-- c\n", "\"Quoted Id\"", "?", ":p", "$1", ";", "\n", "::int", "[", "]", "{", "}",
      "VALUES", "INSERT INTO", "CALL", ".", "*", "JOIN", "ON", "'it''s'", "E'x\\'y'", "N'n'", "x'0F'"
    };
    String[] secrets = {
      "'SECRET'", "'SE''CRET'", "98765", "-98765", "98765.5", "9.8765e3", "0x98765", "$$SECRET$$",
      "$t$SECRET$t$", "E'SECRET'", "N'SECRET'", "TRUE", "q'[SECRET]'", "98_765"
    };
    java.util.Random random = new java.util.Random(42);
    for (int round = 0; round < 40_000; round++) {
      SqlDialect dialect = round % 2 == 0 ? SqlDialect.STANDARD : SqlDialect.MYSQL;
      StringBuilder sql = new StringBuilder();
      int parts = 1 + random.nextInt(25);
      for (int p = 0; p < parts; p++) {
        if (random.nextInt(4) == 0) {
          sql.append(' ').append(secrets[random.nextInt(secrets.length)]).append(' ');
        } else {
          // Always a space between fragments: glued ones form other tokens ("AND" + "E'x'" is the
          // name ANDE and a plain string), which the database would read the same wrong way.
          sql.append(fragments[random.nextInt(fragments.length)]).append(' ');
        }
      }
      String text = SqlQueryAnalyzer.analyze(sql.toString(), dialect).getQueryText();
      assertThat(text).as(dialect + ": " + sql).doesNotContain("SECRET").doesNotContain("98").doesNotContain("TRUE");
    }
  }

  /**
   * Random characters, heavy on the lexer's special ones: the analyzer must never hit an internal
   * error (it would answer with a null text instead of throwing, which this test detects).
   */
  @Test
  void randomCharactersNeverCauseAnInternalError() {
    String alphabet = "'\"`$[](){};:,.-+/*#?@\\ \n\t0123456789eExXqQNbabcSELECTFROMIN_\u00e9\uD83D";
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 50_000; round++) {
      char[] chars = new char[random.nextInt(40)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String sql = new String(chars);
      for (SqlDialect dialect : SqlDialect.values()) {
        SqlQuery query = SqlQueryAnalyzer.analyze(sql, dialect);
        assertThat(query.getQueryText()).as(sql).isNotNull();
        if (query.getQuerySummary() != null) {
          assertThat(query.getQuerySummary().length()).isLessThanOrEqualTo(SqlQueryAnalyzer.MAX_SUMMARY_LENGTH);
        }
      }
    }
  }

  @Test
  void dialectFollowsDbSystem() {
    assertThat(SqlDialect.forDbSystem("mysql")).isEqualTo(SqlDialect.MYSQL);
    assertThat(SqlDialect.forDbSystem("mariadb")).isEqualTo(SqlDialect.MYSQL);
    assertThat(SqlDialect.forDbSystem("postgresql")).isEqualTo(SqlDialect.STANDARD);
    assertThat(SqlDialect.forDbSystem(null)).isEqualTo(SqlDialect.STANDARD);
  }
}
