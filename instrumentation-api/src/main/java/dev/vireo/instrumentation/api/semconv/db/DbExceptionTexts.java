package dev.vireo.instrumentation.api.semconv.db;

import dev.vireo.instrumentation.api.ExceptionTextRedactor;
import java.util.Collection;

/**
 * The database family's redactor of recorded exceptions: the statement and its literals, echoed
 * in a driver's message (and so in the stack trace), are sanitized like {@code db.query.text}.
 */
final class DbExceptionTexts<REQUEST> implements ExceptionTextRedactor<REQUEST> {

  private final DbClientAttributesGetter<REQUEST, ?> getter;

  DbExceptionTexts(DbClientAttributesGetter<REQUEST, ?> getter) {
    this.getter = getter;
  }

  @Override
  public String redact(REQUEST request, String text) {
    String sql = joined(getter.rawQueryTexts(request));
    if (sql == null) {
      return text;
    }
    return SqlEchoSanitizer.sanitize(text, sql, SqlDialect.forDbSystem(getter.dbSystemName(request)));
  }

  /** The statements as written, several joined by {@code "; "}; null when there are none. */
  private static String joined(Collection<String> texts) {
    if (texts == null || texts.isEmpty()) {
      return null;
    }
    if (texts.size() == 1) {
      return texts.iterator().next();
    }
    StringBuilder joined = new StringBuilder();
    for (String text : texts) {
      if (text != null) {
        joined.append(joined.length() == 0 ? "" : "; ").append(text);
      }
    }
    return joined.toString();
  }
}
