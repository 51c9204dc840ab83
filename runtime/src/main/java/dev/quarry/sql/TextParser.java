package dev.quarry.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code :name} parameters in raw SQL, skipping string literals ({@code '…'}, {@code E'…'}),
 * quoted identifiers ({@code "…"}, {@code `…`}), comments ({@code --}, nested {@code /* *\/}),
 * dollar-quoted strings ({@code $tag$…$tag$}) and {@code ::} casts.
 */
final class TextParser {
  private final String in;
  private final StringBuilder out;
  private final List<String> names = new ArrayList<>();
  private int i;

  TextParser(String in) {
    this.in = in;
    this.out = new StringBuilder(in.length());
  }

  TextQueryImpl.Parsed parse() {
    int n = in.length();
    while (i < n) {
      char c = in.charAt(i);
      if (c == '\'') {
        boolean backslashes = i > 0 && (in.charAt(i - 1) == 'E' || in.charAt(i - 1) == 'e')
            && (i < 2 || !Character.isLetterOrDigit(in.charAt(i - 2)) && in.charAt(i - 2) != '_');
        quoted('\'', backslashes);
      } else if (c == '"' || c == '`') {
        quoted(c, false);
      } else if (c == '-' && peek(1) == '-') {
        int end = in.indexOf('\n', i);
        copyTo(end < 0 ? n : end);
      } else if (c == '/' && peek(1) == '*') {
        blockComment();
      } else if (c == '$' && dollarTag() != null) {
        String tag = dollarTag();
        int end = in.indexOf(tag, i + tag.length());
        if (end < 0) {
          throw error("unterminated dollar-quoted string " + tag);
        }
        copyTo(end + tag.length());
      } else if (c == ':' && peek(1) == ':') {
        copyTo(i + 2);
      } else if (c == ':' && isNameStart(peek(1))) {
        int start = ++i;
        while (i < n && isNamePart(in.charAt(i))) {
          i++;
        }
        names.add(in.substring(start, i));
        out.append('?');
      } else if (c == '\\' && peek(1) == ':') {
        out.append(':');
        i += 2;
      } else if (c == '?') {
        throw error("raw SQL takes named parameters (:name); a bare ? would be read by the JDBC driver as a"
            + " placeholder");
      } else {
        out.append(c);
        i++;
      }
    }
    return new TextQueryImpl.Parsed(out.toString(), List.copyOf(names));
  }

  private char peek(int ahead) {
    return i + ahead < in.length() ? in.charAt(i + ahead) : '\0';
  }

  private void copyTo(int end) {
    out.append(in, i, end);
    i = end;
  }

  private void quoted(char q, boolean backslashes) {
    int j = i + 1;
    while (j < in.length()) {
      char c = in.charAt(j);
      if (backslashes && c == '\\') {
        j += 2;
      } else if (c == q) {
        if (j + 1 < in.length() && in.charAt(j + 1) == q) {
          j += 2;
        } else {
          copyTo(j + 1);
          return;
        }
      } else {
        j++;
      }
    }
    throw error("unterminated " + (q == '\'' ? "string literal" : "quoted identifier"));
  }

  private void blockComment() {
    int depth = 0;
    int j = i;
    while (j < in.length()) {
      if (in.startsWith("/*", j)) {
        depth++;
        j += 2;
      } else if (in.startsWith("*/", j)) {
        depth--;
        j += 2;
        if (depth == 0) {
          copyTo(j);
          return;
        }
      } else {
        j++;
      }
    }
    throw error("unterminated /* comment");
  }

  /** {@code $tag$} starting at i, or null (e.g. {@code $1} is not a tag). */
  private String dollarTag() {
    int j = i + 1;
    while (j < in.length() && isNamePart(in.charAt(j)) && !(j == i + 1 && Character.isDigit(in.charAt(j)))) {
      j++;
    }
    if (j < in.length() && in.charAt(j) == '$') {
      return in.substring(i, j + 1);
    }
    return null;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at position " + i + " of SQL text: "
        + (in.length() > 200 ? in.substring(0, 200) + "…" : in));
  }
}
