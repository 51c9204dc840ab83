package dev.quarry.schema;

import dev.quarry.sql.CheckDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What SQLite keeps only in a table's CREATE TABLE text (sqlite_master.sql): constraint names
 * (its PRAGMAs list unique constraints and foreign keys without them) and check conditions. The
 * text is tokenised (quoted names, string literals, words, punctuation), so names and conditions
 * come back exactly as the DDL wrote them.
 */
final class SqliteCreateTable {
  /** Unique constraint name by its columns (named constraints only). */
  final Map<List<String>, String> uniqueNames = new HashMap<>();
  /** Foreign key name by its columns (named keys only). */
  final Map<List<String>, String> foreignKeyNames = new HashMap<>();
  /** Check constraints, named or not, with their condition text as written. */
  final List<CheckDef> checks = new ArrayList<>();

  private record Token(String text, String value, boolean quoted, int start, int end) {
    boolean is(String word) {
      return !quoted && text.equalsIgnoreCase(word);
    }
  }

  private SqliteCreateTable() {}

  static SqliteCreateTable parse(String sql) {
    SqliteCreateTable out = new SqliteCreateTable();
    List<Token> tokens = tokens(sql);
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        depth++;
        continue;
      }
      if (t.is(")")) {
        depth--;
        continue;
      }
      if (depth != 1) {
        continue;
      }
      String name = null;
      int at = i;
      if (t.is("CONSTRAINT") && i + 2 < tokens.size()) {
        name = tokens.get(i + 1).value();
        at = i + 2;
      }
      Token kind = tokens.get(at);
      if (kind.is("CHECK") && at + 1 < tokens.size() && tokens.get(at + 1).is("(")) {
        int close = closing(tokens, at + 1);
        out.checks.add(new CheckDef(name, sql.substring(tokens.get(at + 1).end(), tokens.get(close).start()).trim()));
        i = close;
      } else if (name != null && kind.is("UNIQUE") && at + 1 < tokens.size() && tokens.get(at + 1).is("(")) {
        int close = closing(tokens, at + 1);
        out.uniqueNames.put(names(tokens, at + 2, close), name);
        i = close;
      } else if (name != null && kind.is("FOREIGN") && at + 2 < tokens.size() && tokens.get(at + 2).is("(")) {
        int close = closing(tokens, at + 2);
        out.foreignKeyNames.put(names(tokens, at + 3, close), name);
        i = close;
      }
    }
    return out;
  }

  private static List<String> names(List<Token> tokens, int from, int to) {
    List<String> names = new ArrayList<>();
    for (int i = from; i < to; i++) {
      if (!tokens.get(i).is(",")) {
        names.add(tokens.get(i).value());
      }
    }
    return names;
  }

  private static int closing(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).is("(")) {
        depth++;
      } else if (tokens.get(i).is(")") && --depth == 0) {
        return i;
      }
    }
    return tokens.size() - 1;
  }

  private static List<Token> tokens(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '`' || c == '\'' || c == '[') {
        char close = c == '[' ? ']' : c;
        int j = i + 1;
        StringBuilder value = new StringBuilder();
        while (j < sql.length()) {
          char d = sql.charAt(j);
          if (d == close) {
            if (close != ']' && j + 1 < sql.length() && sql.charAt(j + 1) == close) {
              value.append(d);
              j += 2;
              continue;
            }
            break;
          }
          value.append(d);
          j++;
        }
        int end = Math.min(j + 1, sql.length());
        // A string literal is not a name: keep its text, unquoted=false is irrelevant for matching.
        tokens.add(new Token(sql.substring(i, end), value.toString(), true, i, end));
        i = end;
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        int j = i;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
            || sql.charAt(j) == '$')) {
          j++;
        }
        String word = sql.substring(i, j);
        tokens.add(new Token(word, word, false, i, j));
        i = j;
      } else {
        tokens.add(new Token(String.valueOf(c), String.valueOf(c).toLowerCase(Locale.ROOT), false, i, i + 1));
        i++;
      }
    }
    return tokens;
  }
}
