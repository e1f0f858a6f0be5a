package dev.vireo.instrumentation.api.semconv.db;

import java.util.Collection;
import java.util.Iterator;

/**
 * From an operation's raw query texts to what the conventions name: one analysed text (cached by
 * {@link SqlQueries}), or for several texts their shared summary, operation, collection and
 * procedure and their texts joined by {@code "; "} (bounded); a batch's summary and operation follow
 * {@link DbBatchNames}.
 */
final class SqlOperationQueries {

  private static final SqlQuery UNKNOWN = new SqlQuery(null, null, null, null, null);

  private SqlOperationQueries() {}

  static SqlQuery of(Collection<String> texts, SqlDialect dialect, boolean sanitize, boolean batch) {
    SqlQuery query = analyse(texts, dialect, sanitize);
    if (!batch) {
      return query;
    }
    return new SqlQuery(
        query.getQueryText(),
        DbBatchNames.of(query.getQuerySummary()),
        DbBatchNames.of(query.getOperationName()),
        query.getCollectionName(),
        query.getStoredProcedureName());
  }

  private static SqlQuery analyse(Collection<String> texts, SqlDialect dialect, boolean sanitize) {
    if (texts == null || texts.isEmpty()) {
      return UNKNOWN;
    }
    Iterator<String> each = texts.iterator();
    SqlQuery first = SqlQueries.analyze(each.next(), dialect, sanitize);
    if (first == null) {
      first = UNKNOWN;
    }
    if (!each.hasNext()) {
      return first;
    }
    String text = first.getQueryText();
    String summary = first.getQuerySummary();
    String operation = first.getOperationName();
    String collection = first.getCollectionName();
    String procedure = first.getStoredProcedureName();
    StringBuilder joined = null;
    int seen = 1;
    while (each.hasNext()) {
      SqlQuery query = SqlQueries.analyze(each.next(), dialect, sanitize);
      if (query == null) {
        query = UNKNOWN;
      }
      summary = shared(summary, query.getQuerySummary());
      operation = shared(operation, query.getOperationName());
      collection = shared(collection, query.getCollectionName());
      procedure = shared(procedure, query.getStoredProcedureName());
      String queryText = query.getQueryText();
      if (joined == null && !equal(text, queryText)) {
        // texts differ: all of them, separated by "; " (up to the usual length bound)
        joined = new StringBuilder(text == null ? "" : text);
        for (int j = 1; j < seen; j++) {
          appendBounded(joined, text);
        }
      }
      if (joined != null) {
        appendBounded(joined, queryText);
      }
      seen++;
    }
    return new SqlQuery(joined == null ? text : joined.toString(), summary, operation, collection, procedure);
  }

  /** Appends {@code "; " + text} up to the bound of {@code db.query.text}. */
  static void appendBounded(StringBuilder texts, String text) {
    if (texts.length() >= SqlQueryAnalyzer.MAX_QUERY_TEXT_LENGTH) {
      return;
    }
    texts.append("; ").append(text == null ? "" : text);
    if (texts.length() > SqlQueryAnalyzer.MAX_QUERY_TEXT_LENGTH) {
      texts.setLength(SqlQueryAnalyzer.MAX_QUERY_TEXT_LENGTH);
    }
  }

  private static String shared(String current, String next) {
    return current != null && current.equals(next) ? current : null;
  }

  private static boolean equal(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
