package dev.quarry.engine.internal;

import java.util.Locale;

/** Reading SQL text given as a string (raw SQL, statements the engine is handed): its first keyword. */
public final class SqlText {
  private SqlText() {}

  /** The first keyword of {@code sql} in upper case, after blanks, comments and opening parentheses; "" when none. */
  public static String firstWord(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }
}
