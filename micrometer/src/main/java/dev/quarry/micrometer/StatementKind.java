package dev.quarry.micrometer;

import java.util.Locale;

/**
 * The {@code kind} tag of a statement, read from its SQL: the first keyword after comments, and
 * for {@code WITH} the verb of the main statement after the common table expressions.
 */
enum StatementKind {
  SELECT, INSERT, UPDATE, DELETE, DDL, OTHER;

  /** The tag value. */
  final String tag = name().toLowerCase(Locale.ROOT);

  static StatementKind of(String sql) {
    if (sql == null) {
      return OTHER;
    }
    int i = skipNoise(sql, 0);
    int end = wordEnd(sql, i);
    if (end == i) {
      return OTHER;
    }
    if (is(sql, i, end, "with")) {
      return mainVerb(sql, end);
    }
    return ofKeyword(sql, i, end);
  }

  private static StatementKind ofKeyword(String sql, int start, int end) {
    if (is(sql, start, end, "select") || is(sql, start, end, "values") || is(sql, start, end, "table")) {
      return SELECT;
    }
    // MERGE is how Quarry writes an upsert on H2 (INSERT … ON CONFLICT elsewhere): the same kind on every database
    if (is(sql, start, end, "insert") || is(sql, start, end, "merge") || is(sql, start, end, "replace")) {
      return INSERT;
    }
    if (is(sql, start, end, "update")) {
      return UPDATE;
    }
    if (is(sql, start, end, "delete")) {
      return DELETE;
    }
    if (is(sql, start, end, "create") || is(sql, start, end, "alter") || is(sql, start, end, "drop")
        || is(sql, start, end, "truncate") || is(sql, start, end, "comment") || is(sql, start, end, "rename")) {
      return DDL;
    }
    return OTHER;
  }

  /**
   * The first statement keyword outside parentheses after {@code WITH}: the CTE bodies are in
   * parentheses, their names and {@code AS}, {@code RECURSIVE}, {@code MATERIALIZED} are not verbs.
   * A WITH whose main statement cannot be found counts as a query.
   */
  private static StatementKind mainVerb(String sql, int from) {
    int depth = 0;
    int i = from;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = closing(sql, i, c);
      } else if (startsComment(sql, i)) {
        i = skipComment(sql, i);
      } else if (c == '(') {
        depth++;
        i++;
      } else if (c == ')') {
        depth--;
        i++;
      } else if (isWordChar(c)) {
        int end = wordEnd(sql, i);
        if (depth == 0) {
          StatementKind kind = ofKeyword(sql, i, end);
          if (kind == SELECT || kind == INSERT || kind == UPDATE || kind == DELETE) {
            return kind;
          }
        }
        i = end;
      } else {
        i++;
      }
    }
    return SELECT;
  }

  /** Index after the quoted text starting at {@code open} (doubled quotes are part of it). */
  private static int closing(String sql, int open, char quote) {
    int i = open + 1;
    int n = sql.length();
    while (i < n) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < n && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return n;
  }

  /** Skips white space, comments and opening parentheses (a parenthesised query). */
  private static int skipNoise(String sql, int i) {
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (startsComment(sql, i)) {
        i = skipComment(sql, i);
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean startsComment(String sql, int i) {
    if (i + 1 >= sql.length()) {
      return false;
    }
    char c = sql.charAt(i);
    char next = sql.charAt(i + 1);
    return c == '-' && next == '-' || c == '/' && next == '*';
  }

  /** Index after the comment starting at {@code i}. */
  private static int skipComment(String sql, int i) {
    int n = sql.length();
    if (sql.charAt(i) == '-') {
      int nl = sql.indexOf('\n', i);
      return nl < 0 ? n : nl + 1;
    }
    int close = sql.indexOf("*/", i + 2);
    return close < 0 ? n : close + 2;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static int wordEnd(String sql, int i) {
    int n = sql.length();
    while (i < n && isWordChar(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean is(String sql, int start, int end, String keyword) {
    return end - start == keyword.length() && sql.regionMatches(true, start, keyword, 0, keyword.length());
  }
}
