/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.instrumentation.api.semconv.db;

import static dev.vireo.instrumentation.api.semconv.db.SqlKeywords.*;

/**
 * Reads a SQL statement once, left to right, with a hand-written lexer and produces at the same
 * time the sanitized {@code db.query.text}, the {@code db.query.summary} and the operation /
 * stored procedure names (see {@link SqlQuery}).
 *
 * <p>Sanitization: string literals ({@code '..'} with {@code ''} escapes, {@code E'..'}, {@code
 * N'..'}, {@code X'..'}, {@code B'..'}, PostgreSQL {@code $$..$$} and {@code $tag$..$tag$}),
 * numbers (decimals, exponents, hex {@code 0x..}, a sign where it cannot be a subtraction) and
 * {@code TRUE}/{@code FALSE} become {@code ?}; comments ({@code -- ..}, {@code /* .. *}{@code /},
 * nested where the dialect nests) are removed; a list of only literals and {@code ?} after {@code
 * IN} becomes {@code IN (?)}. Identifiers (also double-quoted, back-quoted), keywords, parameters
 * ({@code ?}, {@code :name}, {@code $1}, {@code @p}) and white space are kept. An unterminated
 * string or quoted identifier hides the rest of the statement behind one {@code ?}; an
 * unterminated comment removes the rest.
 *
 * <p>Bounds: the whole input is scanned (linear time, constant work per character, no
 * backtracking), but the text stops growing at {@link #MAX_QUERY_TEXT_LENGTH} characters and the
 * summary at {@link #MAX_SUMMARY_LENGTH} (never inside a name). Nothing is cached. Never throws.
 *
 * <p>Summary, per the database semantic conventions: operations ({@code SELECT}, {@code INSERT},
 * {@code UPDATE}, {@code DELETE}, {@code MERGE}, {@code CALL}, {@code EXEC}, {@code CREATE TABLE}
 * ...) and their targets (tables after {@code FROM}/{@code JOIN}/{@code INTO}/{@code UPDATE} etc.,
 * procedures after {@code CALL}) in the order they appear, as written (no case change), schema
 * qualified names and quoted names kept whole. Sub-queries add their own operation; a {@code WITH}
 * contributes the operations of its bodies and of the main statement.
 */
public final class SqlQueryAnalyzer {
  /** The longest {@code db.query.text} produced, in chars; longer text is cut at this length. */
  public static final int MAX_QUERY_TEXT_LENGTH = 32 * 1024;

  /** The longest {@code db.query.summary} produced (semconv: 255). */
  public static final int MAX_SUMMARY_LENGTH = 255;

  private static final SqlQuery NULL_QUERY = new SqlQuery(null, null, null, null, null);
  private static final SqlQuery FAILED_QUERY = new SqlQuery(null, null, null, null, null);

  // Token types.
  private static final int T_NONE = 0;
  private static final int T_WORD = 1;
  private static final int T_QUOTED_IDENTIFIER = 2;
  private static final int T_STRING = 3;
  private static final int T_NUMBER = 4;
  private static final int T_BOOLEAN = 5;
  private static final int T_QUESTION_MARK = 6;
  private static final int T_PARAMETER = 7;
  private static final int T_OPEN = 8;
  private static final int T_CLOSE = 9;
  private static final int T_COMMA = 10;
  private static final int T_DOT = 11;
  private static final int T_SEMICOLON = 12;
  private static final int T_OPERATOR = 13;
  private static final int T_BRACE = 14;
  private static final int T_OTHER = 15;

  // What the summary expects next.
  private static final int EXPECT_NOTHING = 0;
  private static final int EXPECT_TARGET = 1;
  private static final int EXPECT_DDL_KIND = 2;

  // Where we are in "IN ( literal , literal ... )".
  private static final int IN_LIST_NONE = 0;
  private static final int IN_LIST_KEYWORD = 1;
  private static final int IN_LIST_ELEMENT = 2;
  private static final int IN_LIST_SEPARATOR = 3;

  private final String sql;
  private final int length;
  private final SqlDialect dialect;
  private final boolean sanitize;
  // Raw texts of the literals, when asked for (see literalsOf); null otherwise.
  private java.util.List<String> literals;

  // Sanitized text: null while nothing had to change (then the input itself is the result);
  // otherwise sql[copyFrom, current) is still to be copied.
  private StringBuilder out;
  private int copyFrom;

  private int previousType = T_NONE;
  private int previousKeyword = NONE;
  private int previousEnd;

  private int inListState = IN_LIST_NONE;
  private int inListStart;
  private int inListMark;
  private int inListElements;

  private StringBuilder summary;
  private boolean summaryFull;
  // Per parenthesis depth (first 64 levels), as bit masks: a SELECT/UPDATE/DELETE owns FROM and
  // JOIN at that depth; a FROM list is open (a comma starts the next table); a WITH awaits its
  // main statement.
  private int depth;
  private long queryMask;
  private long fromListMask;
  private long withMask;
  private boolean statementStart = true;
  private int expect = EXPECT_NOTHING;
  private boolean expectProcedure;
  private int ddlVerbStart;
  private int ddlVerbEnd;
  private int currentOperation = NONE;
  private int targetStart = -1;
  private int targetEnd;
  private boolean targetDot;
  private int operations;
  private int targets;
  private String firstOperation;
  private boolean firstOperationIsProcedureCall;
  private int firstTargetStart;
  private int firstTargetEnd;
  private String storedProcedure;

  private SqlQueryAnalyzer(String sql, SqlDialect dialect, boolean sanitize) {
    this.sql = sql;
    this.length = sql.length();
    this.dialect = dialect;
    this.sanitize = sanitize;
  }

  /** Analyzes {@code sql} with {@link SqlDialect#STANDARD} rules. */
  public static SqlQuery analyze(String sql) {
    return analyze(sql, SqlDialect.STANDARD);
  }

  /**
   * Analyzes {@code sql}, sanitizing the text. Never throws; a null input gives a {@link SqlQuery}
   * whose values are all null (and so does an internal failure, which would be a bug).
   */
  public static SqlQuery analyze(String sql, SqlDialect dialect) {
    return analyze(sql, dialect, true);
  }

  /**
   * Analyzes {@code sql}; with {@code sanitize == false} the text is the statement as given (only
   * cut at {@link #MAX_QUERY_TEXT_LENGTH}), for callers that follow the semconv advice not to
   * sanitize parameterized query text. Summary and names are the same either way.
   */
  public static SqlQuery analyze(String sql, SqlDialect dialect, boolean sanitize) {
    if (sql == null) {
      return NULL_QUERY;
    }
    try {
      return new SqlQueryAnalyzer(sql, dialect == null ? SqlDialect.STANDARD : dialect, sanitize)
          .run();
    } catch (Throwable t) {
      return FAILED_QUERY;
    }
  }

  /**
   * The literals of {@code sql} as written ({@code 'it''s'}, {@code 42}, {@code E'x'}), in order;
   * booleans are not listed. For finding them again in text that echoes the statement, such as a
   * database's error message. Never throws; empty for null.
   */
  public static java.util.List<String> literalsOf(String sql, SqlDialect dialect) {
    java.util.List<String> found = new java.util.ArrayList<>();
    if (sql == null) {
      return found;
    }
    try {
      SqlQueryAnalyzer analyzer =
          new SqlQueryAnalyzer(sql, dialect == null ? SqlDialect.STANDARD : dialect, false);
      analyzer.literals = found;
      analyzer.run();
    } catch (Throwable t) {
      // a bug: what was found so far is still worth hiding
    }
    return found;
  }

  private SqlQuery run() {
    int i = 0;
    while (i < length) {
      char c = sql.charAt(i);
      if (c <= ' ') {
        i++;
        continue;
      }
      i = lexToken(i, c);
      if (summaryFull && out != null && out.length() >= MAX_QUERY_TEXT_LENGTH) {
        break; // nothing left to learn from the rest
      }
    }
    commitTarget();
    abandonExpectation();

    String text;
    if (out == null) {
      text = length <= MAX_QUERY_TEXT_LENGTH ? sql : sql.substring(0, MAX_QUERY_TEXT_LENGTH);
    } else {
      flushTo(length);
      text = out.toString();
    }
    String summaryText = summary == null || summary.length() == 0 ? null : summary.toString();
    String collection =
        operations == 1 && targets == 1 && !firstOperationIsProcedureCall
            ? sql.substring(firstTargetStart, firstTargetEnd)
            : null;
    return new SqlQuery(text, summaryText, firstOperation, collection, storedProcedure);
  }

  // ---------------------------------------------------------------- lexer

  private int lexToken(int i, char c) {
    switch (c) {
      case '\'':
        return stringLiteral(i, i, '\'', dialect.backslashEscapes);
      case '"':
        return dialect.doubleQuotedStrings
            ? stringLiteral(i, i, '"', dialect.backslashEscapes)
            : quotedIdentifier(i, '"');
      case '`':
        return quotedIdentifier(i, '`');
      case '[':
        // SQL Server [name] only where a name is expected; elsewhere it is an array subscript.
        if ((expect == EXPECT_TARGET || (targetStart >= 0 && targetDot)) && isBracketName(i)) {
          return quotedIdentifier(i, ']');
        }
        return single(T_OTHER, i);
      case '#':
        if (dialect.hashComments) {
          return lineComment(i, i + 1);
        }
        return word(i);
      case '-':
        if (charAt(i + 1) == '-') {
          return lineComment(i, i + 2);
        }
        return signOrOperator(i);
      case '+':
        return signOrOperator(i);
      case '/':
        if (charAt(i + 1) == '*') {
          return blockComment(i);
        }
        return single(T_OPERATOR, i);
      case '$':
        return dollar(i);
      case '?':
        return single(T_QUESTION_MARK, i);
      case ':':
        if (isIdentifierStart(charAt(i + 1)) && charAt(i - 1) != ':') {
          int end = identifierEnd(i + 1);
          token(T_PARAMETER, i, end, NONE);
          return end;
        }
        return single(T_OPERATOR, i);
      case '(':
        return single(T_OPEN, i);
      case ')':
        return single(T_CLOSE, i);
      case ',':
        return single(T_COMMA, i);
      case ';':
        return single(T_SEMICOLON, i);
      case '{':
        return single(T_BRACE, i);
      case '.':
        if (isDigit(charAt(i + 1)) && !followsName()) {
          return number(i, i);
        }
        return single(T_DOT, i);
      default:
        if (isDigit(c)) {
          return number(i, i);
        }
        if (isIdentifierStart(c)) {
          return word(i);
        }
        return single(T_OPERATOR, i);
    }
  }

  /** "[name]" on one line without quotes; anything else is not trusted to be a name. */
  private boolean isBracketName(int open) {
    for (int i = open + 1; i < length; i++) {
      char c = sql.charAt(i);
      if (c == ']') {
        return true;
      }
      if (c == '\'' || c == '"' || c == '\n' || c == '\r' || c == '[') {
        return false;
      }
    }
    return false;
  }

  private int single(int type, int i) {
    token(type, i, i + 1, NONE);
    return i + 1;
  }

  private char charAt(int i) {
    return i >= 0 && i < length ? sql.charAt(i) : '\0';
  }

  private boolean followsName() {
    return previousType == T_WORD
        || previousType == T_QUOTED_IDENTIFIER
        || previousType == T_CLOSE
        || previousType == T_PARAMETER;
  }

  /** A '+' or '-' directly before a number is its sign unless it can be a binary operator. */
  private int signOrOperator(int i) {
    char next = charAt(i + 1);
    boolean numberFollows = isDigit(next) || (next == '.' && isDigit(charAt(i + 2)));
    if (numberFollows && signAllowedHere()) {
      return number(i, i + 1);
    }
    return single(T_OPERATOR, i);
  }

  private boolean signAllowedHere() {
    switch (previousType) {
      case T_NONE:
      case T_OPEN:
      case T_COMMA:
      case T_OPERATOR:
      case T_SEMICOLON:
      case T_BRACE:
        return true;
      case T_WORD:
        switch (previousKeyword) {
          case SELECT:
          case WHERE:
          case AND:
          case OR:
          case NOT:
          case WHEN:
          case THEN:
          case ELSE:
          case IS:
          case LIKE:
          case BETWEEN:
          case CASE:
          case RETURN:
          case BY:
          case IN:
          case VALUES:
          case SET:
          case ON:
          case LIMIT:
          case OFFSET:
          case HAVING:
            return true;
          default:
            return false;
        }
      default:
        return false;
    }
  }

  /**
   * Number starting at {@code start} (maybe a sign), digits or '.' at {@code i}. Letters glued to
   * it (0b1010, 0xFF, 12abc) are swallowed too: better hide a rare digit-led name than leak a
   * binary or hex literal.
   */
  private int number(int start, int i) {
    if (sql.charAt(i) == '0' && (charAt(i + 1) == 'x' || charAt(i + 1) == 'X')) {
      i += 2;
    } else {
      i = digits(i);
      if (charAt(i) == '.') {
        i = digits(i + 1);
      }
      char e = charAt(i);
      if (e == 'e' || e == 'E') {
        int j = i + 1;
        char sign = charAt(j);
        if (sign == '+' || sign == '-') {
          j++;
        }
        if (isDigit(charAt(j))) {
          i = digits(j);
        }
      }
    }
    i = identifierEnd(i);
    literal(T_NUMBER, start, i);
    return i;
  }

  /** Digits, with '_' separators between digits (PostgreSQL 16: 1_000_000). */
  private int digits(int i) {
    while (i < length) {
      char c = sql.charAt(i);
      if (isDigit(c) || (c == '_' && isDigit(charAt(i + 1)) && isDigit(charAt(i - 1)))) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private int word(int start) {
    int end = identifierEnd(start + 1);
    if (end == start + 1 && charAt(end) == '\'') {
      switch (sql.charAt(start)) {
        case 'e':
        case 'E':
          return stringLiteral(start, end, '\'', true);
        case 'q':
        case 'Q':
          return alternativeQuoteLiteral(start, end);
        case 'n':
        case 'N':
        case 'x':
        case 'X':
        case 'b':
        case 'B':
          return stringLiteral(start, end, '\'', dialect.backslashEscapes);
        default:
          break;
      }
    }
    // Right after a dot a word is a name (t.true, s.select), never a keyword or a boolean.
    boolean qualified = previousType == T_DOT && previousEnd == start;
    int keyword = qualified ? NONE : SqlKeywords.lookup(sql, start, end);
    if (keyword == TRUE || keyword == FALSE) {
      literal(T_BOOLEAN, start, end);
    } else {
      token(T_WORD, start, end, keyword);
    }
    return end;
  }

  private int identifierEnd(int i) {
    while (i < length && isIdentifierPart(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  /** A quoted string starting at {@code start} (maybe a prefix) whose quote is at {@code quote}. */
  private int stringLiteral(int start, int quote, char quoteChar, boolean backslashEscapes) {
    int i = quote + 1;
    while (i < length) {
      char c = sql.charAt(i);
      if (c == quoteChar) {
        if (charAt(i + 1) == quoteChar) {
          i += 2;
          continue;
        }
        literal(T_STRING, start, i + 1);
        return i + 1;
      }
      i += c == '\\' && backslashEscapes ? 2 : 1;
    }
    literal(T_STRING, start, length); // unterminated: hide everything after the quote
    return length;
  }

  /** Oracle q'[...]', q'{...}', q'!...!': the string ends at the closing delimiter + quote. */
  private int alternativeQuoteLiteral(int start, int quote) {
    char open = charAt(quote + 1);
    if (open <= ' ' || open == '\'') {
      return stringLiteral(start, quote, '\'', dialect.backslashEscapes);
    }
    char close;
    switch (open) {
      case '[':
        close = ']';
        break;
      case '{':
        close = '}';
        break;
      case '<':
        close = '>';
        break;
      case '(':
        close = ')';
        break;
      default:
        close = open;
    }
    int i = quote + 2;
    while (i < length) {
      if (sql.charAt(i) == close && charAt(i + 1) == '\'') {
        literal(T_STRING, start, i + 2);
        return i + 2;
      }
      i++;
    }
    literal(T_STRING, start, length);
    return length;
  }

  private int quotedIdentifier(int start, char close) {
    int i = start + 1;
    while (i < length) {
      if (sql.charAt(i) == close) {
        if (charAt(i + 1) == close) {
          i += 2;
          continue;
        }
        token(T_QUOTED_IDENTIFIER, start, i + 1, NONE);
        return i + 1;
      }
      i++;
    }
    // Unterminated: we cannot tell whether the database sees an identifier or the user made the
    // quote mistake inside a literal, so hide the rest.
    literal(T_STRING, start, length);
    return length;
  }

  /** {@code $1} parameter, {@code $$..$$} / {@code $tag$..$tag$} string, or a lone '$'. */
  private int dollar(int start) {
    int i = start + 1;
    if (isDigit(charAt(i))) {
      while (isDigit(charAt(i))) {
        i++;
      }
      token(T_PARAMETER, start, i, NONE);
      return i;
    }
    char c = charAt(i);
    if (isAsciiLetter(c) || c == '_' || c >= 0x80 && Character.isLetter(c)) {
      while (i < length && isDollarTagPart(sql.charAt(i))) {
        i++;
      }
    }
    if (charAt(i) != '$') {
      return single(T_OTHER, start);
    }
    int bodyStart = i + 1;
    int close =
        bodyStart - start == 2
            ? sql.indexOf("$$", bodyStart)
            : sql.indexOf(sql.substring(start, bodyStart), bodyStart);
    int end = close < 0 ? length : close + (bodyStart - start);
    literal(T_STRING, start, end);
    return end;
  }

  private int lineComment(int start, int i) {
    while (i < length) {
      char c = sql.charAt(i);
      if (c == '\n' || c == '\r') {
        break;
      }
      i++;
    }
    return removeComment(start, i);
  }

  private int blockComment(int start) {
    int nesting = 1;
    int i = start + 2;
    while (i < length) {
      char c = sql.charAt(i);
      if (c == '*' && charAt(i + 1) == '/') {
        i += 2;
        if (--nesting == 0) {
          return removeComment(start, i);
        }
      } else if (c == '/' && charAt(i + 1) == '*' && dialect.nestedComments) {
        nesting++;
        i += 2;
      } else {
        i++;
      }
    }
    return removeComment(start, length);
  }

  /** Drops {@code sql[start, end)} and keeps exactly one space between the neighbours. */
  private int removeComment(int start, int end) {
    if (!sanitize) {
      return end;
    }
    markInListStart();
    flushTo(start);
    int resume = end;
    int written = out.length();
    boolean spaceBefore = written == 0 || isWhitespace(out.charAt(written - 1));
    if (spaceBefore) {
      while (resume < length && isWhitespace(sql.charAt(resume))) {
        resume++;
      }
    } else if (resume < length && !isWhitespace(sql.charAt(resume))) {
      append(' ');
    }
    if (resume >= length) {
      int trimmed = out.length();
      while (trimmed > 0 && isWhitespace(out.charAt(trimmed - 1))) {
        trimmed--;
      }
      out.setLength(trimmed);
    }
    copyFrom = resume;
    return resume;
  }

  // ---------------------------------------------------------------- sanitized text

  private void literal(int type, int start, int end) {
    if (literals != null && type != T_BOOLEAN) {
      literals.add(sql.substring(start, end));
    }
    if (sanitize) {
      markInListStart();
      flushTo(start);
      append('?');
      copyFrom = end;
    }
    token(type, start, end, NONE);
  }

  /**
   * Before the first change inside an IN list, remember where the list starts in the output, so
   * that it can be collapsed to "(?)" when it turns out to hold only literals.
   */
  private void markInListStart() {
    if ((inListState == IN_LIST_ELEMENT || inListState == IN_LIST_SEPARATOR) && inListMark < 0) {
      flushTo(inListStart);
      inListMark = out.length();
    }
  }

  private void flushTo(int position) {
    if (out == null) {
      out = new StringBuilder(Math.min(length, MAX_QUERY_TEXT_LENGTH) + 16);
    }
    if (position > copyFrom) {
      int room = MAX_QUERY_TEXT_LENGTH - out.length();
      if (room > 0) {
        out.append(sql, copyFrom, Math.min(position, copyFrom + room));
      }
      copyFrom = position;
    }
  }

  private void append(char c) {
    if (out.length() < MAX_QUERY_TEXT_LENGTH) {
      out.append(c);
    }
  }

  // ---------------------------------------------------------------- tokens

  private void token(int type, int start, int end, int keyword) {
    trackInList(type, start, keyword);
    trackSummary(type, start, end, keyword);
    previousType = type;
    previousKeyword = keyword;
    previousEnd = end;
  }

  private void trackInList(int type, int start, int keyword) {
    switch (inListState) {
      case IN_LIST_KEYWORD:
        if (type == T_OPEN) {
          inListState = IN_LIST_ELEMENT;
          inListStart = start + 1;
          inListMark = -1;
          inListElements = 0;
        } else {
          inListState = IN_LIST_NONE;
        }
        return;
      case IN_LIST_ELEMENT:
        if (type == T_STRING
            || type == T_NUMBER
            || type == T_BOOLEAN
            || type == T_QUESTION_MARK) {
          inListElements++;
          inListState = IN_LIST_SEPARATOR;
        } else {
          inListState = IN_LIST_NONE;
        }
        return;
      case IN_LIST_SEPARATOR:
        if (type == T_COMMA) {
          inListState = IN_LIST_ELEMENT;
          return;
        }
        if (type == T_CLOSE && inListElements > 1) {
          collapseInList(start);
        }
        inListState = IN_LIST_NONE;
        return;
      default:
        if (type == T_WORD && keyword == IN) {
          inListState = IN_LIST_KEYWORD;
        }
    }
  }

  private void collapseInList(int closeStart) {
    if (!sanitize) {
      return;
    }
    markInListStart();
    out.setLength(Math.min(inListMark, out.length()));
    append('?');
    copyFrom = closeStart;
  }

  // ---------------------------------------------------------------- summary

  private void trackSummary(int type, int start, int end, int keyword) {
    if (targetStart >= 0) {
      // A target is "name", "schema.name", "db"."schema"."name" ...: parts glued by dots.
      if (type == T_DOT && start == targetEnd && !targetDot) {
        targetDot = true;
        return;
      }
      if (targetDot
          && (type == T_WORD || type == T_QUOTED_IDENTIFIER)
          && start == targetEnd + 1) {
        targetEnd = end;
        targetDot = false;
        return;
      }
      commitTarget();
    }
    boolean atStatementStart = statementStart;
    switch (type) {
      case T_OPEN:
        abandonExpectation();
        depth++;
        clearDepth(depth);
        statementStart = true; // a sub-query may start here
        return;
      case T_CLOSE:
        abandonExpectation();
        clearDepth(depth);
        if (depth > 0) {
          depth--;
        }
        // After a WITH body the main statement (or the next CTE) follows.
        statementStart = isSet(withMask, depth);
        return;
      case T_SEMICOLON:
        abandonExpectation();
        depth = 0;
        queryMask = 0;
        fromListMask = 0;
        withMask = 0;
        currentOperation = NONE;
        statementStart = true;
        return;
      case T_COMMA:
        abandonExpectation();
        statementStart = false;
        if (isSet(fromListMask, depth)) {
          expect = EXPECT_TARGET;
        }
        return;
      case T_BRACE:
        statementStart = true; // JDBC escape: {call p(?)} or {? = call p(?)}
        return;
      case T_QUESTION_MARK:
        return;
      case T_OPERATOR:
        abandonExpectation();
        if (sql.charAt(start) != '=') {
          statementStart = false;
        }
        return;
      case T_WORD:
        statementStart = false;
        word(start, end, keyword, atStatementStart);
        return;
      case T_QUOTED_IDENTIFIER:
        statementStart = false;
        if (expect == EXPECT_TARGET) {
          beginTarget(start, end);
        } else {
          abandonExpectation();
        }
        return;
      case T_STRING:
        statementStart = false;
        // SQLite accepts FROM 'name'; the semconv example keeps it as a target.
        if (expect == EXPECT_TARGET
            && sql.charAt(start) == '\''
            && end - start >= 2
            && sql.charAt(end - 1) == '\'') {
          beginTarget(start, end);
        } else {
          abandonExpectation();
        }
        return;
      default:
        statementStart = false;
        abandonExpectation();
    }
  }

  private void word(int start, int end, int keyword, boolean atStatementStart) {
    if (expect == EXPECT_DDL_KIND) {
      if (isDdlModifier(keyword)) {
        return;
      }
      if (isDdlObjectKind(keyword)) {
        addDdlOperation(start, end);
        expect = EXPECT_TARGET;
        expectProcedure = false;
        return;
      }
      abandonExpectation();
      return;
    }
    if (expect == EXPECT_TARGET) {
      if (isTargetModifier(keyword)) {
        return;
      }
      if (!endsTargetSearch(keyword)) {
        beginTarget(start, end);
        return;
      }
      expect = EXPECT_NOTHING;
    }
    switch (keyword) {
      case SELECT:
        addOperation(start, end, keyword);
        set(depth, true, false);
        return;
      case UPDATE:
        if (atStatementStart) {
          addOperation(start, end, keyword);
          expectTarget(false);
          set(depth, true, true); // UPDATE a, b SET ... (MySQL); UPDATE t SET .. FROM u (PostgreSQL)
        }
        return;
      case DELETE:
        if (atStatementStart) {
          addOperation(start, end, keyword);
          expectTarget(false);
          set(depth, true, false);
        }
        return;
      case INSERT:
      case REPLACE:
      case UPSERT:
      case MERGE:
      case TRUNCATE:
      case USE:
      case LOCK:
      case COPY:
      case DESCRIBE:
        if (atStatementStart) {
          addOperation(start, end, keyword);
          expectTarget(false);
        }
        return;
      case CALL:
      case EXEC:
      case EXECUTE:
        if (atStatementStart) {
          addOperation(start, end, keyword);
          expectTarget(true);
        }
        return;
      case CREATE:
      case DROP:
      case ALTER:
        if (atStatementStart) {
          ddlVerbStart = start;
          ddlVerbEnd = end;
          expect = EXPECT_DDL_KIND;
        }
        return;
      case WITH:
        if (atStatementStart && depth < 64) {
          withMask |= 1L << depth;
        }
        return;
      case EXPLAIN:
      case BEGIN:
        if (atStatementStart) {
          addOperation(start, end, keyword);
          statementStart = true; // EXPLAIN SELECT ...; BEGIN INSERT ...; END;
        }
        return;
      case SET:
        if (atStatementStart) {
          addOperation(start, end, keyword);
        }
        fromListMask = clear(fromListMask, depth);
        return;
      case COMMIT:
      case ROLLBACK:
      case START:
      case SHOW:
      case GRANT:
      case REVOKE:
      case SAVEPOINT:
      case ANALYZE:
      case VACUUM:
      case DECLARE:
      case PREPARE:
        if (atStatementStart) {
          addOperation(start, end, keyword);
        }
        return;
      case FROM:
        if (isSet(queryMask, depth)) {
          expectTarget(false);
          if (depth < 64) {
            fromListMask |= 1L << depth;
          }
        }
        return;
      case JOIN:
      case STRAIGHT_JOIN:
        if (isSet(queryMask, depth)) {
          expectTarget(false);
        }
        return;
      case USING:
        if (currentOperation == MERGE || currentOperation == DELETE) {
          expectTarget(false); // MERGE INTO t USING s; DELETE FROM t USING u
        }
        return;
      case WHERE:
      case GROUP:
      case ORDER:
      case HAVING:
      case LIMIT:
      case UNION:
      case INTERSECT:
      case EXCEPT:
      case WINDOW:
      case OFFSET:
      case FETCH:
      case FOR:
      case RETURNING:
      case VALUES:
        fromListMask = clear(fromListMask, depth);
        return;
      default:
        return;
    }
  }

  private void expectTarget(boolean procedure) {
    expect = EXPECT_TARGET;
    expectProcedure = procedure;
  }

  /** A pending "CREATE" without an object kind becomes an operation of its own. */
  private void abandonExpectation() {
    if (expect == EXPECT_DDL_KIND) {
      addOperation(ddlVerbStart, ddlVerbEnd, NONE);
    }
    expect = EXPECT_NOTHING;
  }

  private static boolean isTargetModifier(int keyword) {
    switch (keyword) {
      case INTO:
      case FROM:
      case ONLY:
      case LATERAL:
      case IF:
      case NOT:
      case EXISTS:
      case IGNORE:
      case LOW_PRIORITY:
      case DELAYED:
      case HIGH_PRIORITY:
      case QUICK:
      case OR:
      case REPLACE:
      case TABLE:
        return true;
      default:
        return false;
    }
  }

  /** Keywords that cannot be a table name where one was expected (other keywords may be). */
  private static boolean endsTargetSearch(int keyword) {
    switch (keyword) {
      case SELECT:
      case WITH:
      case WHERE:
      case SET:
      case VALUES:
      case ON:
      case USING:
      case GROUP:
      case ORDER:
      case HAVING:
      case LIMIT:
      case UNION:
      case INTERSECT:
      case EXCEPT:
      case WINDOW:
      case OFFSET:
      case FETCH:
      case FOR:
      case RETURNING:
      case AS:
      case JOIN:
      case STRAIGHT_JOIN:
        return true;
      default:
        return false;
    }
  }

  private static boolean isDdlModifier(int keyword) {
    switch (keyword) {
      case OR:
      case REPLACE:
      case TEMPORARY:
      case TEMP:
      case UNIQUE:
      case GLOBAL:
      case LOCAL:
      case UNLOGGED:
      case MATERIALIZED:
        return true;
      default:
        return false;
    }
  }

  private static boolean isDdlObjectKind(int keyword) {
    switch (keyword) {
      case TABLE:
      case INDEX:
      case VIEW:
      case SEQUENCE:
      case SCHEMA:
      case DATABASE:
      case PROCEDURE:
      case FUNCTION:
      case TRIGGER:
      case TYPE:
      case USER:
      case ROLE:
      case EXTENSION:
        return true;
      default:
        return false;
    }
  }

  private void addOperation(int start, int end, int keyword) {
    appendSummary(start, end, -1, -1);
    if (operations++ == 0) {
      firstOperation = text(start, end, keyword);
      firstOperationIsProcedureCall = keyword == CALL || keyword == EXEC || keyword == EXECUTE;
    }
    operationStarted(keyword);
  }

  /** sql[start, end), without a copy when it is the keyword's usual upper-case spelling. */
  private String text(int start, int end, int keyword) {
    if (keyword != NONE) {
      String name = SqlKeywords.name(keyword);
      if (name.length() == end - start && sql.startsWith(name, start)) {
        return name;
      }
    }
    return sql.substring(start, end);
  }

  /** "CREATE" + "TABLE" as one operation, single-spaced, as written. */
  private void addDdlOperation(int kindStart, int kindEnd) {
    appendSummary(ddlVerbStart, ddlVerbEnd, kindStart, kindEnd);
    if (operations++ == 0) {
      firstOperation =
          sql.substring(ddlVerbStart, ddlVerbEnd) + ' ' + sql.substring(kindStart, kindEnd);
    }
    operationStarted(CREATE);
  }

  private void operationStarted(int keyword) {
    currentOperation = keyword;
    withMask = clear(withMask, depth); // the main statement of a WITH has arrived
  }

  private void beginTarget(int start, int end) {
    targetStart = start;
    targetEnd = end;
    targetDot = false;
    expect = EXPECT_NOTHING;
  }

  private void commitTarget() {
    if (targetStart < 0) {
      return;
    }
    appendSummary(targetStart, targetEnd, -1, -1);
    if (targets++ == 0) {
      firstTargetStart = targetStart;
      firstTargetEnd = targetEnd;
    }
    if (expectProcedure && storedProcedure == null) {
      storedProcedure = sql.substring(targetStart, targetEnd);
    }
    expectProcedure = false;
    targetStart = -1;
    targetDot = false;
  }

  /** Appends sql[start, end) (and " " + sql[start2, end2) if start2 >= 0) as one whole part. */
  private void appendSummary(int start, int end, int start2, int end2) {
    if (summaryFull) {
      return;
    }
    if (summary == null) {
      summary = new StringBuilder(64);
    }
    int partLength = end - start + (start2 >= 0 ? end2 - start2 + 1 : 0);
    int separator = summary.length() == 0 ? 0 : 1;
    if (summary.length() + separator + partLength > MAX_SUMMARY_LENGTH) {
      summaryFull = true; // never cut a name in half; later parts would be out of order
      return;
    }
    if (separator == 1) {
      summary.append(' ');
    }
    summary.append(sql, start, end);
    if (start2 >= 0) {
      summary.append(' ').append(sql, start2, end2);
    }
  }

  private void set(int level, boolean query, boolean fromList) {
    if (level < 64) {
      if (query) {
        queryMask |= 1L << level;
      }
      if (fromList) {
        fromListMask |= 1L << level;
      }
    }
  }

  private void clearDepth(int level) {
    queryMask = clear(queryMask, level);
    fromListMask = clear(fromListMask, level);
    withMask = clear(withMask, level);
  }

  private static long clear(long mask, int level) {
    return level < 64 ? mask & ~(1L << level) : mask;
  }

  private static boolean isSet(long mask, int level) {
    return level < 64 && (mask & (1L << level)) != 0;
  }

  // ---------------------------------------------------------------- characters

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isWhitespace(char c) {
    return c <= ' ';
  }

  private static boolean isIdentifierStart(char c) {
    return isAsciiLetter(c) || c == '_' || c == '@' || c == '#' || (c >= 0x80 && Character.isLetter(c));
  }

  private static boolean isIdentifierPart(char c) {
    return isAsciiLetter(c)
        || isDigit(c)
        || c == '_'
        || c == '$'
        || c == '@'
        || c == '#'
        || (c >= 0x80 && Character.isLetterOrDigit(c));
  }

  private static boolean isDollarTagPart(char c) {
    return isAsciiLetter(c) || isDigit(c) || c == '_' || (c >= 0x80 && Character.isLetterOrDigit(c));
  }
}
