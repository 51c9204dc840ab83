package dev.quarry.processor.query;

import dev.quarry.processor.Errors;
import dev.quarry.processor.query.CheckedQuery.Problem;
import dev.quarry.processor.query.CheckedQuery.StatementKind;
import dev.quarry.processor.query.SqlText.Kind;
import dev.quarry.processor.query.SqlText.Token;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The constructs the parser accepts for one database but another rejects (or reads differently),
 * found in the query's tokens so that string literals and comments never match.
 */
final class DialectCheck {
  private DialectCheck() {}

  private static final Set<SqlDialect> ALL = EnumSet.allOf(SqlDialect.class);

  static String displayName(SqlDialect d) {
    return switch (d) {
      case POSTGRESQL -> "PostgreSQL";
      case SQLITE -> "SQLite";
      case H2 -> "H2";
      case MARIADB -> "MariaDB";
      case MYSQL -> "MySQL";
    };
  }

  static List<Problem> check(SqlText text, StatementKind kind, boolean merge, Set<SqlDialect> dialects) {
    List<Problem> out = new ArrayList<>();
    List<Token> t = text.tokens;
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      Token next = i + 1 < t.size() ? t.get(i + 1) : null;
      Token after = i + 2 < t.size() ? t.get(i + 2) : null;
      if (tok.is("RETURNING")) {
        Set<SqlDialect> ok = EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.SQLITE);
        if (kind == StatementKind.INSERT || kind == StatementKind.DELETE) {
          ok.add(SqlDialect.MARIADB);
        }
        report(out, dialects, ok, "RETURNING" + (kind == StatementKind.SELECT ? "" : " on " + kind),
            "read the values with a separate SELECT");
      } else if (tok.is("FULL") && next != null && (next.is("JOIN") || (next.is("OUTER") && after != null
          && after.is("JOIN")))) {
        report(out, dialects, except(SqlDialect.MYSQL, SqlDialect.MARIADB, SqlDialect.H2), "FULL OUTER JOIN",
            "combine a LEFT JOIN and a RIGHT JOIN with UNION");
      } else if (tok.is("ILIKE")) {
        report(out, dialects, EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.H2), "ILIKE",
            "write LOWER(x) LIKE LOWER(:pattern)");
      } else if (tok.is("FETCH") && next != null && (next.is("FIRST") || next.is("NEXT"))) {
        report(out, dialects, except(SqlDialect.SQLITE, SqlDialect.MYSQL), "OFFSET ... FETCH FIRST",
            "write LIMIT n OFFSET m, which every supported database accepts");
      } else if (tok.is("ON") && next != null && next.is("CONFLICT")) {
        report(out, dialects, EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.SQLITE), "INSERT ... ON CONFLICT",
            "use ON DUPLICATE KEY UPDATE on MySQL and MariaDB, MERGE on H2");
      } else if (tok.is("ON") && next != null && next.is("DUPLICATE")) {
        report(out, dialects, EnumSet.of(SqlDialect.MYSQL, SqlDialect.MARIADB), "INSERT ... ON DUPLICATE KEY UPDATE",
            "use ON CONFLICT (...) DO UPDATE on PostgreSQL and SQLite, MERGE on H2");
      } else if (tok.kind() == Kind.CAST) {
        report(out, dialects, EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.H2), "the :: cast",
            "write CAST(x AS type)");
      } else if (tok.is("DISTINCT") && next != null && next.is("ON")) {
        report(out, dialects, EnumSet.of(SqlDialect.POSTGRESQL), "DISTINCT ON",
            "pick the rows with ROW_NUMBER() OVER (PARTITION BY ...) in a subquery");
      } else if (tok.kind() == Kind.OTHER && tok.text().equals("||")) {
        report(out, dialects, except(SqlDialect.MYSQL, SqlDialect.MARIADB), "|| as string concatenation (it means OR)",
            "write CONCAT(a, b)");
      } else if (tok.is("FILTER") && next != null && next.kind() == Kind.OPEN && after != null && after.is("WHERE")) {
        report(out, dialects, except(SqlDialect.MYSQL, SqlDialect.MARIADB), "an aggregate's FILTER (WHERE ...)",
            "write the condition in a CASE inside the aggregate, e.g. SUM(CASE WHEN ... THEN 1 ELSE 0 END)");
      } else if (tok.is("LIMIT") && limitWithComma(t, i)) {
        report(out, dialects, except(SqlDialect.POSTGRESQL, SqlDialect.H2), "LIMIT offset, count",
            "write LIMIT count OFFSET offset");
      } else if (tok.kind() == Kind.QUOTED && tok.text().startsWith("\"")) {
        report(out, dialects, except(SqlDialect.MYSQL, SqlDialect.MARIADB),
            "the double-quoted identifier " + tok.text() + " (read as a string literal)",
            "use the name unquoted");
      } else if (tok.kind() == Kind.QUOTED && tok.text().startsWith("`")) {
        report(out, dialects, except(SqlDialect.POSTGRESQL, SqlDialect.H2), "the back-quoted identifier " + tok.text(),
            "use the name unquoted, or in double quotes");
      }
    }
    if (merge) {
      report(out, dialects, EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.H2), "MERGE",
          "use INSERT ... ON CONFLICT on PostgreSQL and SQLite, ON DUPLICATE KEY UPDATE on MySQL and MariaDB");
    }
    return out;
  }

  private static boolean limitWithComma(List<Token> t, int limit) {
    int level = t.get(limit).level();
    for (int j = limit + 1; j < t.size(); j++) {
      Token x = t.get(j);
      if (x.level() < level || (x.level() == level && (x.kind() == Kind.SEMICOLON
          || x.is("OFFSET") || x.is("FOR") || x.is("UNION")))) {
        return false;
      }
      if (x.level() == level && x.kind() == Kind.COMMA) {
        return true;
      }
    }
    return false;
  }

  private static Set<SqlDialect> except(SqlDialect... not) {
    Set<SqlDialect> s = EnumSet.copyOf(ALL);
    for (SqlDialect d : not) {
      s.remove(d);
    }
    return s;
  }

  private static void report(List<Problem> out, Set<SqlDialect> dialects, Set<SqlDialect> supported, String construct,
      String hint) {
    for (SqlDialect d : SqlDialect.values()) {
      if (dialects.contains(d) && !supported.contains(d)) {
        Problem p = new Problem(ProblemKind.DIALECT_SYNTAX,
            Errors.queryDialectSyntax(construct, displayName(d), d.optionName(), hint));
        if (!out.contains(p)) {
          out.add(p);
        }
      }
    }
  }
}
