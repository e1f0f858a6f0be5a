package dev.vireo.instrumentation.api.semconv.db;

import java.util.List;

/**
 * Sanitizes text in which a database echoes a statement or its values, such as an exception
 * message ({@code Syntax error in SQL statement "... 'hunter2' ..."} from H2, {@code invalid input
 * syntax for type integer: "hunter2"} from PostgreSQL, {@code ... near ''hunter2' ...'} from
 * MariaDB). Knowing the statement, it replaces the statement itself by its sanitized text and then
 * every literal of the statement found in the text by {@code ?}: quoted as in the statement, or its
 * bare value (two characters or more, not inside a longer word), which is how databases quote
 * values back. Values bound as parameters are not known here and are left as the database wrote
 * them.
 */
public final class SqlEchoSanitizer {

  private SqlEchoSanitizer() {}

  /** {@code text} with {@code sql} and its literals hidden; {@code text} itself when nothing matched. */
  public static String sanitize(String text, String sql, SqlDialect dialect) {
    if (text == null || sql == null || sql.isEmpty()) {
      return text;
    }
    String result = text;
    if (result.contains(sql)) {
      String sanitized = SqlQueryAnalyzer.analyze(sql, dialect, true).getQueryText();
      result = result.replace(sql, sanitized == null ? "?" : sanitized);
    }
    List<String> literals = SqlQueryAnalyzer.literalsOf(sql, dialect);
    for (String literal : literals) {
      String value = valueOf(literal);
      if (!value.equals(literal)) {
        result = result.replace(literal, "?"); // quoted as in the statement
      }
      if (value.length() >= 2) {
        result = replaceWord(result, value);
      }
    }
    return result;
  }

  /** The value of a literal as a database would print it: 'it''s' → it's, N'x' → x, 42 → 42. */
  static String valueOf(String literal) {
    int quote = literal.indexOf('\'');
    if (quote < 0) {
      quote = literal.indexOf('"');
    }
    if (quote < 0 || quote > 1) {
      return literal; // a number (or a dollar-quoted string: kept whole)
    }
    char q = literal.charAt(quote);
    int end = literal.length() > quote + 1 && literal.charAt(literal.length() - 1) == q
        ? literal.length() - 1
        : literal.length();
    String body = literal.substring(quote + 1, Math.max(quote + 1, end));
    return body.replace(String.valueOf(q) + q, String.valueOf(q));
  }

  /** Replaces {@code value} by {@code ?} where it is not part of a longer word or number. */
  private static String replaceWord(String text, String value) {
    int at = text.indexOf(value);
    if (at < 0) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    while (at >= 0) {
      int end = at + value.length();
      boolean bounded =
          (at == 0 || !isWordPart(text.charAt(at - 1)) || !isWordPart(value.charAt(0)))
              && (end == text.length() || !isWordPart(text.charAt(end)) || !isWordPart(value.charAt(value.length() - 1)));
      if (bounded) {
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        out.append(text, copied, at).append('?');
        copied = end;
        at = text.indexOf(value, end);
      } else {
        at = text.indexOf(value, at + 1);
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
