package dev.vireo.instrumentation.api.semconv.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlEchoSanitizerTest {

  @Test
  void statementEchoedWholeBecomesItsSanitizedText() {
    String sql = "SELECT * FROM users WHERE password = 'hunter2' AND id = 1234";
    assertThat(SqlEchoSanitizer.sanitize("failed: " + sql + " [42001-224]", sql, SqlDialect.STANDARD))
        .isEqualTo("failed: SELECT * FROM users WHERE password = ? AND id = ? [42001-224]");
  }

  @Test
  void literalsFoundInAModifiedEchoAreHidden() {
    String sql = "SELECT * FROM users WHERE WHERE password = 'hunter2' AND pin = 1234";
    String h2 = "Syntax error in SQL statement \"SELECT * FROM users WHERE [*]WHERE password = 'hunter2' AND pin = 1234\"";
    assertThat(SqlEchoSanitizer.sanitize(h2, sql, SqlDialect.STANDARD))
        .isEqualTo("Syntax error in SQL statement \"SELECT * FROM users WHERE [*]WHERE password = ? AND pin = ?\"");
    String mariadb = "You have an error in your SQL syntax; near 'WHERE password = 'hunter2' AND pin = 1234' at line 1";
    assertThat(SqlEchoSanitizer.sanitize(mariadb, sql, SqlDialect.MYSQL))
        .isEqualTo("You have an error in your SQL syntax; near 'WHERE password = ? AND pin = ?' at line 1");
  }

  @Test
  void bareValuesAreHiddenOnlyAsWholeWords() {
    String sql = "SELECT * FROM t WHERE id = 'it''s-42' OR code = 42 OR x = 7";
    String postgres = "ERROR: invalid input syntax for type integer: \"it's-42\"\n  Position: 27; code 42 in 4242, line 7";
    assertThat(SqlEchoSanitizer.sanitize(postgres, sql, SqlDialect.STANDARD))
        .isEqualTo("ERROR: invalid input syntax for type integer: \"?\"\n  Position: 27; code ? in 4242, line 7");
  }

  @Test
  void nothingToHideReturnsTheTextItself() {
    String text = "connection reset";
    assertThat(SqlEchoSanitizer.sanitize(text, "SELECT 1", SqlDialect.STANDARD)).isSameAs(text);
    assertThat(SqlEchoSanitizer.sanitize(text, null, SqlDialect.STANDARD)).isSameAs(text);
  }

  @Test
  void literalsAreListedAsWritten() {
    assertThat(SqlQueryAnalyzer.literalsOf("SELECT 'a''b', E'x\\'y', 12.5e3, TRUE, $$body$$ FROM t", SqlDialect.STANDARD))
        .containsExactly("'a''b'", "E'x\\'y'", "12.5e3", "$$body$$");
  }
}
