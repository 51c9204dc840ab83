package dev.quarry.sql;

import dev.quarry.engine.Parameter;

/**
 * {@code contains}, {@code startsWith} and {@code endsWith}: the text matches literally, its
 * wildcards escaped before binding. Case-sensitive everywhere: where LIKE ignores case the
 * dialect's case-sensitive match is used instead (SQLite's {@code GLOB}, with {@code *?[} escaped
 * as {@code [*] [?] [[]}; MySQL's and MariaDB's LIKE against a binary pattern). The pattern is
 * computed for the dialect being compiled for.
 */
final class LiteralMatch implements Node {
  private final Expression<?> operand;
  private final String text;
  private final boolean anyBefore;
  private final boolean anyAfter;
  private final boolean ignoreCase;

  LiteralMatch(Expression<?> operand, String text, boolean anyBefore, boolean anyAfter, boolean ignoreCase) {
    if (text == null) {
      throw new IllegalArgumentException("the text to match in " + operand + " must not be null");
    }
    this.operand = operand;
    this.text = text;
    this.anyBefore = anyBefore;
    this.anyAfter = anyAfter;
    this.ignoreCase = ignoreCase;
  }

  /** Whether the dialect's own case-sensitive match is needed: its LIKE would ignore case. */
  private boolean caseSensitiveMatch(dev.quarry.sql.internal.Dialect dialect) {
    return !ignoreCase && dialect != null && dialect.likeIgnoresCase();
  }

  @Override
  public void collect(Collector c) {
    boolean caseSensitiveMatch = caseSensitiveMatch(c.dialect);
    boolean glob = caseSensitiveMatch && c.dialect.caseSensitiveMatchIsGlob();
    c.token("MATCH");
    c.token(anyBefore);
    c.token(anyAfter);
    c.token(ignoreCase);
    c.token(caseSensitiveMatch);
    c.token(glob);
    Nodes.collect(operand, c);
    String pattern = glob
        ? (anyBefore ? "*" : "") + escapeGlob(text) + (anyAfter ? "*" : "")
        : (anyBefore ? "%" : "") + Ops.escapeLike(text, '\\') + (anyAfter ? "%" : "");
    c.param(this, new Parameter(Ops.nameOf(operand), pattern, operand.type()));
  }

  @Override
  public void render(RenderContext r) {
    if (caseSensitiveMatch(r.dialect)) {
      r.dialect.caseSensitiveMatch(r.sql, r.fragment(operand), b -> r.bind(this, 0));
    } else if (ignoreCase) {
      r.dialect.ilike(r.sql, r.fragment(operand), b -> r.bind(this, 0), b -> b.append(r.dialect.likeEscapeLiteral()),
          false);
    } else {
      r.expr(operand);
      r.sql.append(" LIKE ");
      r.bind(this, 0);
      r.sql.append(" ESCAPE ").append(r.dialect.likeEscapeLiteral());
    }
  }

  /** GLOB wildcards as one-character classes, so they match themselves. */
  static String escapeGlob(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '*' || ch == '?' || ch == '[') {
        sb.append('[').append(ch).append(']');
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
