package dev.vireo.instrumentation.api.semconv.db;

import dev.vireo.instrumentation.api.ExceptionTextRedactor;

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
    String sql = getter.rawQueryText(request);
    if (sql == null) {
      return text;
    }
    return SqlEchoSanitizer.sanitize(text, sql, SqlDialect.forDbSystem(getter.dbSystemName(request)));
  }
}
