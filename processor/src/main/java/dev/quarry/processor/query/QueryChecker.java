package dev.quarry.processor.query;

import dev.quarry.processor.Errors;
import dev.quarry.processor.query.CheckedQuery.Problem;
import dev.quarry.processor.query.CheckedQuery.StatementKind;
import dev.quarry.processor.query.SqlText.Placement;
import dev.quarry.processor.query.SqlText.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Checks the SQL of a {@code @Query} against the entities' tables for each target dialect,
 * without a database: every table and column resolved, every parameter typed, the result columns
 * typed as each dialect returns them.
 */
public final class QueryChecker {
  private QueryChecker() {}

  /**
   * Checks {@code sql}.
   *
   * @param sql the query as written, with {@code :name} parameters
   * @param catalog the tables it may name
   * @param dialects the databases it must run on
   * @param methodParameters the method's parameters: name to qualified, boxed Java type
   *     ({@code java.util.List<java.lang.String>} for collections)
   * @param optionalParameters the parameters whose condition is dropped when they are null
   */
  public static CheckedQuery check(String sql, Catalog catalog, Set<SqlDialect> dialects,
      Map<String, String> methodParameters, Set<String> optionalParameters) {
    SqlText text = SqlText.of(sql);
    Set<Problem> problems = new LinkedHashSet<>();
    List<Token> params = text.parameters();
    StatementKind kind = guessKind(text);

    for (Token q : text.questionMarks()) {
      int[] lc = text.lineColumn(q.start());
      problems.add(new Problem(ProblemKind.POSITIONAL_PARAMETER, Errors.queryPositionalParameter(lc[0], lc[1])));
    }

    Statement statement = null;
    try {
      CCJSqlParser parser = CCJSqlParserUtil.newParser(text.forParser());
      Statements statements = parser.Statements();
      if (statements.size() != 1) {
        problems.add(new Problem(ProblemKind.UNSUPPORTED_STATEMENT, Errors.queryUnsupported(
            statements.isEmpty() ? "an empty text" : statements.size() + " statements")));
      } else {
        statement = statements.get(0);
      }
    } catch (ParseException e) {
      problems.add(syntax(text, e));
    } catch (RuntimeException | Error e) { // the token manager's errors (an unclosed string literal)
      problems.add(new Problem(ProblemKind.SYNTAX, Errors.querySyntax(1, 1, firstLine(e.getMessage()))));
    }

    List<ResultColumn> columns = List.of();
    Analyzer analyzer = new Analyzer(catalog, dialects, i -> params.get(i).name());
    boolean merge = false;
    if (statement != null) {
      Analyzer.Scope root = new Analyzer.Scope(null);
      if (statement instanceof Select s) {
        kind = StatementKind.SELECT;
        columns = analyzer.select(s, root);
      } else if (statement instanceof Insert i) {
        kind = StatementKind.INSERT;
        columns = analyzer.insert(i, root);
      } else if (statement instanceof Update u) {
        kind = StatementKind.UPDATE;
        columns = analyzer.update(u, root);
      } else if (statement instanceof Delete d) {
        kind = StatementKind.DELETE;
        columns = analyzer.delete(d, root);
      } else if (statement instanceof Merge m) {
        kind = StatementKind.UPDATE; // a MERGE returns an update count, like UPDATE
        merge = true;
        analyzer.merge(m, root);
      } else {
        problems.add(new Problem(ProblemKind.UNSUPPORTED_STATEMENT, Errors.queryUnsupported(describe(text))));
        statement = null;
      }
      problems.addAll(analyzer.problems);
    }

    // parameters: every :name bound by the method, every method parameter used, types compatible
    Map<String, String> parameterTypes = new LinkedHashMap<>();
    for (Token p : params) {
      parameterTypes.putIfAbsent(p.name(), null);
    }
    for (String name : parameterTypes.keySet()) {
      List<Analyzer.ParamUse> uses = analyzer.uses.getOrDefault(name, List.of());
      String type = uses.stream().map(Analyzer.ParamUse::java).filter(t -> t != null).findFirst()
          .orElse(JavaTypes.OBJECT);
      parameterTypes.put(name, type);
      String declared = methodParameters.get(name);
      if (declared == null) {
        problems.add(new Problem(ProblemKind.UNKNOWN_PARAMETER, Errors.queryUnknownParameter(name,
            Suggestions.best(name, methodParameters.keySet()), methodParameters.keySet())));
        continue;
      }
      for (Analyzer.ParamUse use : uses) {
        if (use.java() != null && !JavaTypes.accepts(declared, use.java())) {
          problems.add(new Problem(ProblemKind.PARAMETER_TYPE_MISMATCH,
              Errors.queryParameterType(name, declared, use.java())));
          break;
        }
      }
    }
    for (String name : methodParameters.keySet()) {
      if (!parameterTypes.containsKey(name)) {
        problems.add(new Problem(ProblemKind.UNUSED_PARAMETER, Errors.queryUnusedParameter(name)));
      }
    }

    // optional parameters: the smallest AND-conjunct holding each use
    List<int[]> spans = new ArrayList<>(); // start, end, index of the optional parameter's token
    Map<Long, String> owner = new LinkedHashMap<>();
    if (statement != null) {
      for (int i = 0; i < text.tokens.size(); i++) {
        Token t = text.tokens.get(i);
        if (t.kind() != SqlText.Kind.PARAM || !optionalParameters.contains(t.name())) {
          continue;
        }
        Placement placement = text.conjunctOf(i);
        if (placement.problem() != null) {
          problems.add(new Problem(ProblemKind.OTHER, Errors.queryOptionalPlacement(t.name(),
              placement.problem().equals(SqlText.UNDER_OR) ? "under OR, in a condition that cannot be left out alone"
                  : "not in a WHERE, HAVING or JOIN ... ON condition")));
          continue;
        }
        long key = ((long) placement.start() << 32) | placement.end();
        String other = owner.get(key);
        if (other != null && !other.equals(t.name())) {
          problems.add(new Problem(ProblemKind.OTHER, Errors.queryOptionalShared(other, t.name(),
              sql.substring(placement.start(), placement.end()))));
          continue;
        }
        if (other == null) {
          for (int[] s : spans) {
            boolean overlaps = placement.start() < s[1] && s[0] < placement.end();
            if (overlaps) {
              problems.add(new Problem(ProblemKind.OTHER, Errors.queryOptionalShared(owner.get(
                  ((long) s[0] << 32) | s[1]), t.name(), sql.substring(Math.min(s[0], placement.start()),
                  Math.max(s[1], placement.end())))));
              other = "";
            }
          }
          if (other == null) {
            owner.put(key, t.name());
            spans.add(new int[] {placement.start(), placement.end()});
          }
        }
      }
    }
    spans.sort(Comparator.comparingInt(s -> s[0]));
    List<SqlPart> parts = parts(text, spans, owner);

    if (statement != null) {
      problems.addAll(DialectCheck.check(text, kind, merge, dialects));
    }
    return new CheckedQuery(kind, parts, columns, parameterTypes, List.copyOf(problems));
  }

  private static List<SqlPart> parts(SqlText text, List<int[]> spans, Map<Long, String> owner) {
    List<SqlPart> parts = new ArrayList<>();
    int end = text.contentEnd();
    int at = 0;
    for (int[] s : spans) {
      if (s[0] > at) {
        addText(parts, text, at, s[0]);
      }
      List<String> names = new ArrayList<>();
      String jdbc = jdbc(text, s[0], s[1], names);
      parts.add(new SqlPart.OptionalCondition(owner.get(((long) s[0] << 32) | s[1]), jdbc, names));
      at = s[1];
    }
    if (at < end || parts.isEmpty()) {
      addText(parts, text, at, Math.max(at, end));
    }
    return parts;
  }

  private static void addText(List<SqlPart> parts, SqlText text, int from, int to) {
    List<String> names = new ArrayList<>();
    String jdbc = jdbc(text, from, to, names);
    parts.add(new SqlPart.Text(jdbc, names));
  }

  /** The original text of {@code [from, to)} with each {@code :name} replaced by {@code ?}. */
  private static String jdbc(SqlText text, int from, int to, List<String> names) {
    StringBuilder b = new StringBuilder();
    int at = from;
    for (Token p : text.parameters()) {
      if (p.start() >= from && p.end() <= to) {
        b.append(text.sql, at, p.start()).append('?');
        names.add(p.name());
        at = p.end();
      }
    }
    return b.append(text.sql, at, to).toString();
  }

  private static Problem syntax(SqlText text, ParseException e) {
    String detail = firstLine(e.getMessage());
    int line = 1;
    int column = 1;
    if (e.currentToken != null && e.currentToken.next != null) {
      net.sf.jsqlparser.parser.Token bad = e.currentToken.next;
      // the parser saw :quarryParamN_ placeholders; map its position back to the text as written
      int offset = offsetOf(text.forParser(), bad.beginLine, bad.beginColumn);
      int shift = 0;
      int index = 0;
      for (Token p : text.parameters()) {
        int placeholderStart = p.start() + shift;
        int placeholderLength = (":quarryParam" + index + "_").length();
        if (placeholderStart >= offset) {
          break;
        }
        shift += placeholderLength - (p.end() - p.start());
        index++;
      }
      int[] lc = text.lineColumn(Math.max(0, offset - shift));
      line = lc[0];
      column = lc[1];
      String image = bad.image == null || bad.image.isEmpty() ? "the end of the text" : "\"" + bad.image + "\"";
      if (SqlText.placeholderIndex(bad.image == null ? "" : bad.image.replace(":", "")) >= 0) {
        image = "a parameter";
      }
      detail = "unexpected " + image;
    }
    return new Problem(ProblemKind.SYNTAX, Errors.querySyntax(line, column, detail));
  }

  private static int offsetOf(String s, int line, int column) {
    int l = 1;
    int i = 0;
    while (i < s.length() && l < line) {
      if (s.charAt(i) == '\n') {
        l++;
      }
      i++;
    }
    return Math.min(s.length(), i + Math.max(0, column - 1));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "the parser stopped";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  private static StatementKind guessKind(SqlText text) {
    for (Token t : text.tokens) {
      if (t.kind() == SqlText.Kind.WORD) {
        String w = t.text().toUpperCase(Locale.ROOT);
        return switch (w) {
          case "INSERT", "REPLACE" -> StatementKind.INSERT;
          case "UPDATE", "MERGE" -> StatementKind.UPDATE;
          case "DELETE" -> StatementKind.DELETE;
          default -> StatementKind.SELECT;
        };
      }
    }
    return StatementKind.SELECT;
  }

  private static String describe(SqlText text) {
    List<String> words = new ArrayList<>();
    for (Token t : text.tokens) {
      if (t.kind() != SqlText.Kind.WORD || words.size() == 2) {
        break;
      }
      words.add(t.text().toUpperCase(Locale.ROOT));
    }
    return words.isEmpty() ? "this statement" : "a " + String.join(" ", words) + " statement";
  }
}
