package dev.quarry.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query's text as tokens with their positions: where each {@code :name} and {@code ?} is,
 * skipping string literals, quoted identifiers, comments and PostgreSQL {@code ::} casts. The JDBC
 * text is the original text with each {@code :name} replaced by {@code ?}; nothing else changes.
 */
final class SqlText {
  enum Kind { WORD, QUOTED, STRING, NUMBER, PARAM, QMARK, OPEN, CLOSE, COMMA, SEMICOLON, CAST, OTHER }

  /**
   * A token: {@code [start, end)} in the original text; {@code level} is the bracket depth it sits
   * at ({@code (} and its {@code )} sit at the outer level, as do {@code CASE} and its {@code END}).
   */
  record Token(Kind kind, int start, int end, String text, int level) {
    boolean is(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** The parameter's name, without the colon. */
    String name() {
      return text.substring(1);
    }
  }

  final String sql;
  final List<Token> tokens;

  private SqlText(String sql, List<Token> tokens) {
    this.sql = sql;
    this.tokens = tokens;
  }

  static SqlText of(String sql) {
    List<Token> out = new ArrayList<>();
    int level = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\''
          && (i == 0 || !isIdentPart(sql.charAt(i - 1))))) {
        boolean backslash = c != '\'';
        int start = i;
        i = c == '\'' ? i + 1 : i + 2;
        while (i < n) {
          char d = sql.charAt(i);
          if (backslash && d == '\\') {
            i += 2;
          } else if (d == '\'') {
            if (i + 1 < n && sql.charAt(i + 1) == '\'') {
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            i++;
          }
        }
        out.add(new Token(Kind.STRING, start, Math.min(i, n), sql.substring(start, Math.min(i, n)), level));
      } else if (c == '"' || c == '`') {
        int start = i;
        i++;
        while (i < n) {
          if (sql.charAt(i) == c) {
            if (i + 1 < n && sql.charAt(i + 1) == c) {
              i += 2;
              continue;
            }
            i++;
            break;
          }
          i++;
        }
        out.add(new Token(Kind.QUOTED, start, Math.min(i, n), sql.substring(start, Math.min(i, n)), level));
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int close = sql.indexOf(tag, i + tag.length());
        int end = close < 0 ? n : close + tag.length();
        out.add(new Token(Kind.STRING, i, end, sql.substring(i, end), level));
        i = end;
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        out.add(new Token(Kind.CAST, i, i + 2, "::", level));
        i += 2;
      } else if (c == ':' && i + 1 < n && isIdentStart(sql.charAt(i + 1))) {
        int start = i;
        i++;
        while (i < n && isIdentPart(sql.charAt(i))) {
          i++;
        }
        out.add(new Token(Kind.PARAM, start, i, sql.substring(start, i), level));
      } else if (c == '?') {
        out.add(new Token(Kind.QMARK, i, i + 1, "?", level));
        i++;
      } else if (isIdentStart(c)) {
        int start = i;
        while (i < n && isIdentPart(sql.charAt(i))) {
          i++;
        }
        String word = sql.substring(start, i);
        if (word.equalsIgnoreCase("END") && level > 0) {
          level--;
          out.add(new Token(Kind.WORD, start, i, word, level));
        } else {
          out.add(new Token(Kind.WORD, start, i, word, level));
          if (word.equalsIgnoreCase("CASE")) {
            level++;
          }
        }
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(Kind.NUMBER, start, i, sql.substring(start, i), level));
      } else if (c == '(') {
        out.add(new Token(Kind.OPEN, i, i + 1, "(", level));
        level++;
        i++;
      } else if (c == ')') {
        level = Math.max(0, level - 1);
        out.add(new Token(Kind.CLOSE, i, i + 1, ")", level));
        i++;
      } else if (c == ',') {
        out.add(new Token(Kind.COMMA, i, i + 1, ",", level));
        i++;
      } else if (c == ';') {
        out.add(new Token(Kind.SEMICOLON, i, i + 1, ";", level));
        i++;
      } else {
        int start = i;
        i++;
        if (c == '|' && i < n && sql.charAt(i) == '|') {
          i++;
        }
        out.add(new Token(Kind.OTHER, start, i, sql.substring(start, i), level));
      }
    }
    return new SqlText(sql, out);
  }

  private static String dollarTag(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && isIdentPart(sql.charAt(j)) && sql.charAt(j) != '$') {
      j++;
    }
    if (j < sql.length() && sql.charAt(j) == '$' && (i == 0 || !isIdentPart(sql.charAt(i - 1)))) {
      String tag = sql.substring(i, j + 1);
      return tag.length() == 2 || !Character.isDigit(tag.charAt(1)) ? tag : null;
    }
    return null;
  }

  static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** The {@code :name} tokens, in text order. */
  List<Token> parameters() {
    return tokens.stream().filter(t -> t.kind == Kind.PARAM).toList();
  }

  List<Token> questionMarks() {
    return tokens.stream().filter(t -> t.kind == Kind.QMARK).toList();
  }

  boolean has(Kind kind) {
    return tokens.stream().anyMatch(t -> t.kind == kind);
  }

  /** Line and column (both from 1) of an offset, for messages. */
  int[] lineColumn(int offset) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < offset && i < sql.length(); i++) {
      if (sql.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  /** The text with the trailing semicolon (and white space around it) removed: JDBC takes one statement without it. */
  int contentEnd() {
    int end = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end;
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind == Kind.SEMICOLON) {
      end = tokens.size() > 1 ? tokens.get(tokens.size() - 2).end : 0;
    }
    return Math.max(end, 0);
  }

  /** The text with the parameter names, ready for the parser: each {@code :name} becomes {@code :qN_}. */
  String forParser() {
    StringBuilder b = new StringBuilder();
    int at = 0;
    int index = 0;
    for (Token t : parameters()) {
      b.append(sql, at, t.start).append(":quarryParam").append(index++).append('_');
      at = t.end;
    }
    return b.append(sql.substring(at)).toString();
  }

  static int placeholderIndex(String parserName) {
    if (parserName.startsWith("quarryParam") && parserName.endsWith("_")) {
      try {
        return Integer.parseInt(parserName.substring("quarryParam".length(), parserName.length() - 1));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }

  // --- optional conditions --------------------------------------------------------------------

  /** Words that end a WHERE, HAVING or ON condition at its own level. */
  private static final Set<String> CLAUSE_ENDS = Set.of("GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET", "FETCH",
      "WINDOW", "UNION", "INTERSECT", "EXCEPT", "MINUS", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS",
      "NATURAL", "STRAIGHT_JOIN", "RETURNING", "WHERE", "QUALIFY", "FOR", "ON", "USING", "WHEN", "THEN", "SET",
      "DO", "LATERAL", "OUTER");

  /** Where an optional parameter sits: the span of its condition, or why there is none. */
  record Placement(int start, int end, String problem) {}

  static final String NOT_IN_CONDITION = "not in a WHERE, HAVING or JOIN ... ON condition";
  static final String UNDER_OR = "under OR";

  /** The smallest AND-conjunct of a WHERE, HAVING or ON condition holding the token at {@code index}. */
  Placement conjunctOf(int index) {
    int best = -1;
    int bestEnd = -1;
    for (int k = 0; k < index; k++) {
      if (!startsCondition(k)) {
        continue;
      }
      int end = conditionEnd(k);
      if (index < end && k > best) {
        best = k;
        bestEnd = end;
      }
    }
    if (best < 0) {
      return new Placement(-1, -1, NOT_IN_CONDITION);
    }
    return conjunct(best + 1, bestEnd, index);
  }

  private boolean startsCondition(int k) {
    Token t = tokens.get(k);
    if (t.is("WHERE") || t.is("HAVING")) {
      return true;
    }
    if (t.is("ON")) {
      Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
      Token prev = k > 0 ? tokens.get(k - 1) : null;
      return !(next != null && (next.is("CONFLICT") || next.is("DUPLICATE") || next.is("DELETE") || next.is("UPDATE")))
          && !(prev != null && prev.is("DISTINCT"));
    }
    return false;
  }

  private int conditionEnd(int k) {
    int level = tokens.get(k).level;
    for (int j = k + 1; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.level < level) {
        return j;
      }
      if (t.level == level && (t.kind == Kind.COMMA || t.kind == Kind.SEMICOLON
          || (t.kind == Kind.WORD && CLAUSE_ENDS.contains(t.text.toUpperCase(Locale.ROOT))))) {
        return j;
      }
    }
    return tokens.size();
  }

  /** Tokens {@code [from, to)} form an OR of ANDs at one level; find the conjunct holding {@code index}. */
  private Placement conjunct(int from, int to, int index) {
    if (from >= to) {
      return new Placement(-1, -1, NOT_IN_CONDITION);
    }
    int level = tokens.get(from).level;
    // split at OR
    List<int[]> terms = split(from, to, level, "OR");
    if (terms.size() > 1) {
      return new Placement(-1, -1, UNDER_OR);
    }
    for (int[] factor : split(from, to, level, "AND")) {
      if (index >= factor[0] && index < factor[1]) {
        Token first = tokens.get(factor[0]);
        Token last = tokens.get(factor[1] - 1);
        if (first.kind == Kind.OPEN && last.kind == Kind.CLOSE && last.level == first.level
            && matching(factor[0]) == factor[1] - 1 && factor[1] - factor[0] > 2) {
          Token inner = tokens.get(factor[0] + 1);
          if (!(inner.is("SELECT") || inner.is("WITH") || inner.is("VALUES"))) {
            Placement p = conjunct(factor[0] + 1, factor[1] - 1, index);
            return p;
          }
        }
        return new Placement(first.start, last.end, null);
      }
    }
    return new Placement(-1, -1, NOT_IN_CONDITION);
  }

  private int matching(int open) {
    int level = tokens.get(open).level;
    for (int j = open + 1; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.level == level && t.kind == Kind.CLOSE) {
        return j;
      }
      if (t.level < level) {
        return -1;
      }
    }
    return -1;
  }

  /** Splits {@code [from, to)} at the keyword on {@code level}; for AND, the AND of a BETWEEN does not split. */
  private List<int[]> split(int from, int to, int level, String keyword) {
    List<int[]> parts = new ArrayList<>();
    int start = from;
    boolean between = false;
    for (int j = from; j < to; j++) {
      Token t = tokens.get(j);
      if (t.level != level) {
        continue;
      }
      if (t.is("BETWEEN")) {
        between = true;
      } else if (t.is(keyword)) {
        if (keyword.equals("AND") && between) {
          between = false;
          continue;
        }
        parts.add(new int[] {start, j});
        start = j + 1;
      } else if (keyword.equals("OR") && t.is("AND") && between) {
        between = false;
      }
    }
    parts.add(new int[] {start, to});
    return parts;
  }
}
