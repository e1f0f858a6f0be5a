package dev.vireo.instrumentation.api.semconv.db;

import java.util.Collection;
import java.util.Iterator;

/**
 * What the conventions derive from a getter's raw query facts for one operation: the query as
 * {@code db.query.text} wants it (sanitized when sanitization is on, a parameterized text too unless
 * {@code ...query-sanitization.parameterized.enabled=false} keeps it as written, the conventions'
 * advice) and the older {@code db.statement}, sanitized in both cases as it always was.
 */
final class DbOperationQuery<REQUEST> {

  private final DbClientAttributesGetter<REQUEST, ?> getter;
  // non-null for a system of commands (not SQL): the getter names operation and collection itself
  private final DbCommandAttributesGetter<REQUEST, ?> commands;
  private final boolean sanitize;
  private final boolean sanitizeParameterized;

  DbOperationQuery(
      DbClientAttributesGetter<REQUEST, ?> getter, boolean sanitize, boolean sanitizeParameterized) {
    this.getter = getter;
    this.commands = getter instanceof DbCommandAttributesGetter ? (DbCommandAttributesGetter<REQUEST, ?>) getter : null;
    this.sanitize = sanitize;
    this.sanitizeParameterized = sanitize && sanitizeParameterized;
  }

  private boolean sanitizes(REQUEST request) {
    return getter.isParameterizedQuery(request) ? sanitizeParameterized : sanitize;
  }

  /** Whether the operation is a command of a system that does not speak SQL. */
  boolean isCommand() {
    return commands != null;
  }

  SqlQuery query(REQUEST request) {
    if (commands != null) {
      return commandQuery(request);
    }
    return SqlOperationQueries.of(
        getter.rawQueryTexts(request),
        dialect(request),
        sanitizes(request),
        getter.batchSize(request) != null);
  }

  /** The older {@code db.statement}. */
  String oldQueryText(REQUEST request, SqlQuery query) {
    if (!sanitize || sanitizes(request)) {
      return query.getQueryText();
    }
    return SqlOperationQueries.of(getter.rawQueryTexts(request), dialect(request), true, false).getQueryText();
  }

  private SqlQuery commandQuery(REQUEST request) {
    String operation = commands.operationName(request);
    if (getter.batchSize(request) != null) {
      operation = DbBatchNames.of(commands.batchName(request), operation);
    }
    return new SqlQuery(
        joined(commands.queryTexts(request, sanitize)), null, operation, commands.collectionName(request), null);
  }

  /** A batch's command texts separated by {@code "; "}, as for SQL (bounded). */
  private static String joined(Collection<String> texts) {
    if (texts == null || texts.isEmpty()) {
      return null;
    }
    Iterator<String> each = texts.iterator();
    String first = each.next();
    if (!each.hasNext()) {
      return first;
    }
    StringBuilder joined = new StringBuilder(first == null ? "" : first);
    while (each.hasNext()) {
      SqlOperationQueries.appendBounded(joined, each.next());
    }
    return joined.toString();
  }

  private SqlDialect dialect(REQUEST request) {
    return SqlDialect.forDbSystem(getter.dbSystemName(request));
  }
}
