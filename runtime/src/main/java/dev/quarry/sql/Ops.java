package dev.quarry.sql;

import dev.quarry.engine.Parameter;
import dev.quarry.sql.internal.Fragment;
import dev.quarry.sql.internal.LongInList;
import dev.quarry.types.SqlType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Nodes of operators and predicates, and the factories the expression interfaces call. */
final class Ops {
  private Ops() {}

  // --- factories ----------------------------------------------------------------------------

  /** A bound value typed like {@code typedLike} (so it binds the way that column stores). */
  static <T> Expression<T> bound(Expression<T> typedLike, Object value) {
    SqlType<T> type = typedLike.type();
    // The exact Java type (the common case) needs no isInstance check; cast() checks the rest.
    Object checked = value != null && value.getClass() == type.javaType() ? value : type.cast(value);
    return Expr.wrap(new ValueNode(new Parameter(nameOf(typedLike), checked, type)), type);
  }

  /** A parameter name for messages and secret elision: the column's name where there is one. */
  static String nameOf(Expression<?> e) {
    if (e instanceof Column<?> c) {
      return c.name();
    }
    return null;
  }

  static Predicate compare(Expression<?> left, String op, Expression<?> right) {
    return Expr.predicate(new BinaryNode(left, op, right, false));
  }

  static Predicate compareValue(Expression<?> left, String op, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("cannot compare " + left + " " + op
          + " null: a comparison with NULL is never true; use isNull() / isNotNull()");
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Expression<?> bound = bound((Expression) left, value);
    return compare(left, op, bound);
  }

  static Predicate eq(Expression<?> left, Object value, boolean negated) {
    if (value == null) {
      return negated ? left.isNotNull() : left.isNull();
    }
    return compareValue(left, negated ? "<>" : "=", value);
  }

  static Predicate postfix(Expression<?> e, String suffix) {
    return Expr.predicate(new PostfixNode(e, suffix));
  }

  static Predicate in(Expression<?> e, Collection<?> values, boolean negated) {
    Objects.requireNonNull(values, "values");
    List<Parameter> params = new ArrayList<>(values.size());
    String name = nameOf(e);
    for (Object v : values) {
      if (v == null) {
        throw new IllegalArgumentException("IN list for " + e + " contains null, which never matches;"
            + " combine with isNull() instead");
      }
      params.add(new Parameter(name, e.type().cast(v), e.type()));
    }
    return Expr.predicate(new InListNode(e, params, negated));
  }

  static Predicate logical(String op, List<? extends Expression<Boolean>> parts) {
    boolean nested = false;
    for (Expression<Boolean> p : parts) {
      nested |= isLogical(Objects.requireNonNull(p, "predicate"), op);
    }
    if (!nested) {
      // Nothing to flatten: one immutable copy (none when the list is already immutable).
      return Expr.predicate(new LogicalNode(op, List.copyOf(parts)));
    }
    List<Expression<Boolean>> flat = new ArrayList<>(parts.size() + 4);
    for (Expression<Boolean> p : parts) {
      if (isLogical(p, op)) {
        flat.addAll(((LogicalNode) ((Expr<?>) p).node()).parts);
      } else {
        flat.add(p);
      }
    }
    return Expr.predicate(new LogicalNode(op, List.copyOf(flat)));
  }

  /** {@link #logical(String, List)} over an array the caller does not keep (varargs). */
  @SafeVarargs
  static Predicate logical(String op, Expression<Boolean>... parts) {
    for (Expression<Boolean> p : parts) {
      Objects.requireNonNull(p, "predicate");
    }
    return logical(op, List.of(parts));
  }

  private static boolean isLogical(Expression<Boolean> p, String op) {
    return p instanceof Expr<?> x && x.node() instanceof LogicalNode l && l.op.equals(op);
  }

  static <T> Expr<T> binary(Expression<?> left, String op, Expression<?> right, SqlType<T> type) {
    return Expr.wrap(new BinaryNode(left, op, right, true), type);
  }

  // --- nodes --------------------------------------------------------------------------------

  /** A bound value: always {@code ?}, never text. */
  static final class ValueNode implements Node {
    static final Object TOKEN = new Nodes.Token("value");
    final Parameter parameter;

    ValueNode(Parameter parameter) {
      this.parameter = parameter;
    }

    @Override
    public void collect(Collector c) {
      c.token(TOKEN);
      c.param(this, parameter);
    }

    @Override
    public void render(RenderContext r) {
      r.bind(this, 0);
    }

    @Override
    public String toString() {
      return "?";
    }
  }

  /** Fixed SQL chosen by Quarry or the dialect (TRUE, *, CURRENT_TIMESTAMP, RANDOM()). */
  enum Keyword implements Node {
    TRUE, FALSE, STAR, NULL, NOW, RANDOM;

    @Override
    public void collect(Collector c) {
      c.token(this);
    }

    @Override
    public void render(RenderContext r) {
      switch (this) {
        case TRUE:
          r.sql.append(r.dialect.booleanLiteral(true));
          break;
        case FALSE:
          r.sql.append(r.dialect.booleanLiteral(false));
          break;
        case STAR:
          r.sql.append('*');
          break;
        case NULL:
          r.sql.append("NULL");
          break;
        case NOW:
          r.sql.append(r.dialect.currentTimestamp());
          break;
        default:
          r.sql.append(r.dialect.randomFunction());
      }
    }
  }

  /** {@code left op right}, in parentheses when {@code grouped} (arithmetic). */
  static final class BinaryNode implements Node {
    final Expression<?> left;
    final String op;
    final Expression<?> right;
    final boolean grouped;

    BinaryNode(Expression<?> left, String op, Expression<?> right, boolean grouped) {
      this.left = Objects.requireNonNull(left, "left operand");
      this.op = op;
      this.right = Objects.requireNonNull(right, "right operand");
      this.grouped = grouped;
    }

    @Override
    public void collect(Collector c) {
      c.token(op);
      c.token(grouped);
      Nodes.collect(left, c);
      Nodes.collect(right, c);
    }

    @Override
    public void render(RenderContext r) {
      if (grouped) {
        r.sql.append('(');
      }
      r.expr(left);
      r.sql.append(' ').append(op).append(' ');
      r.expr(right);
      if (grouped) {
        r.sql.append(')');
      }
    }

    @Override
    public String toString() {
      return left + " " + op + " " + right;
    }
  }

  /** {@code x IS NULL}, {@code x IS NOT NULL}. */
  static final class PostfixNode implements Node {
    final Expression<?> operand;
    final String suffix;

    PostfixNode(Expression<?> operand, String suffix) {
      this.operand = operand;
      this.suffix = suffix;
    }

    @Override
    public void collect(Collector c) {
      c.token(suffix);
      Nodes.collect(operand, c);
    }

    @Override
    public void render(RenderContext r) {
      r.expr(operand);
      r.sql.append(suffix);
    }
  }

  /** A prefix operator with its operand in parentheses: {@code NOT (…)}, {@code -(…)}. */
  static final class PrefixNode implements Node {
    final String prefix;
    final Expression<?> operand;

    PrefixNode(String prefix, Expression<?> operand) {
      this.prefix = prefix;
      this.operand = Objects.requireNonNull(operand, "operand");
    }

    @Override
    public void collect(Collector c) {
      c.token(prefix);
      Nodes.collect(operand, c);
    }

    @Override
    public void render(RenderContext r) {
      r.sql.append(prefix).append('(');
      r.expr(operand);
      r.sql.append(')');
    }
  }

  /** {@code x [NOT] BETWEEN lo AND hi}. */
  static final class BetweenNode implements Node {
    final Expression<?> operand;
    final Expression<?> low;
    final Expression<?> high;
    final boolean negated;

    BetweenNode(Expression<?> operand, Expression<?> low, Expression<?> high, boolean negated) {
      this.operand = operand;
      this.low = Objects.requireNonNull(low, "low");
      this.high = Objects.requireNonNull(high, "high");
      this.negated = negated;
    }

    @Override
    public void collect(Collector c) {
      c.token(negated ? "NOT BETWEEN" : "BETWEEN");
      Nodes.collect(operand, c);
      Nodes.collect(low, c);
      Nodes.collect(high, c);
    }

    @Override
    public void render(RenderContext r) {
      r.expr(operand);
      r.sql.append(negated ? " NOT BETWEEN " : " BETWEEN ");
      r.expr(low);
      r.sql.append(" AND ");
      r.expr(high);
    }
  }

  /** AND / OR over parts; nested groups of the other operator are parenthesised. */
  static final class LogicalNode implements Node {
    final String op;
    final List<Expression<Boolean>> parts;

    LogicalNode(String op, List<Expression<Boolean>> parts) {
      this.op = op;
      this.parts = parts;
    }

    @Override
    public void collect(Collector c) {
      c.token(op);
      Nodes.collectAll(parts, c);
    }

    @Override
    public void render(RenderContext r) {
      if (parts.isEmpty()) {
        // An empty AND is true and an empty OR false, as in SQLAlchemy's and_() / or_().
        r.sql.append(r.dialect.booleanLiteral(op.equals("AND")));
        return;
      }
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) {
          r.sql.append(' ').append(op).append(' ');
        }
        Expression<Boolean> p = parts.get(i);
        boolean group = parts.size() > 1 && p instanceof Expr<?> x && x.node() instanceof LogicalNode l
            && l.parts.size() > 1;
        if (group) {
          r.sql.append('(');
        }
        r.expr(p);
        if (group) {
          r.sql.append(')');
        }
      }
    }
  }

  /**
   * {@code x [NOT] IN (?, …)}. Lists longer than the dialect's bind-parameter limit travel as one
   * parameter where the dialect can ({@link LongInLists}), else are split into several IN lists
   * joined by OR (AND for NOT IN); an empty list is constant false (true).
   */
  static final class InListNode implements Node {
    final Expression<?> operand;
    final List<Parameter> values;
    final boolean negated;

    InListNode(Expression<?> operand, List<Parameter> values, boolean negated) {
      this.operand = Objects.requireNonNull(operand, "operand");
      this.values = values;
      this.negated = negated;
    }

    @Override
    public void collect(Collector c) {
      LongInList style = LongInLists.style(c.dialect, operand, values.size());
      if (style != LongInList.SPLIT) {
        // One parameter whatever the length: all long lists share one shape.
        c.token(negated ? "NOT IN ONE" : "IN ONE");
        c.token(style);
        Nodes.collect(operand, c);
        LongInLists.collect(c, style, this, nameOf(operand), values, operand.type());
        return;
      }
      c.token(negated ? "NOT IN" : "IN");
      c.token(values.size());
      Nodes.collect(operand, c);
      for (Parameter p : values) {
        c.param(this, p);
      }
    }

    @Override
    public void render(RenderContext r) {
      LongInList style = LongInLists.style(r.dialect, operand, values.size());
      if (style != LongInList.SPLIT) {
        LongInLists.render(style, operand, this, values.size(), negated, r);
        return;
      }
      int n = values.size();
      if (n == 0) {
        r.sql.append(r.dialect.booleanLiteral(negated));
        return;
      }
      int chunk = Math.max(1, r.dialect.maxBindParameters());
      boolean split = n > chunk;
      if (split) {
        r.sql.append('(');
      }
      for (int start = 0; start < n; start += chunk) {
        if (start > 0) {
          r.sql.append(negated ? " AND " : " OR ");
        }
        r.expr(operand);
        r.sql.append(negated ? " NOT IN (" : " IN (");
        int end = Math.min(n, start + chunk);
        for (int i = start; i < end; i++) {
          if (i > start) {
            r.sql.append(", ");
          }
          r.bind(this, i);
        }
        r.sql.append(')');
      }
      if (split) {
        r.sql.append(')');
      }
    }
  }

  /** {@code x [NOT] IN (SELECT …)}. */
  static final class InQueryNode implements Node {
    final Expression<?> operand;
    final QueryNode query;
    final boolean negated;

    InQueryNode(Expression<?> operand, QueryNode query, boolean negated) {
      this.operand = operand;
      this.query = query;
      this.negated = negated;
    }

    @Override
    public void collect(Collector c) {
      c.token(negated ? "NOT IN SELECT" : "IN SELECT");
      Nodes.collect(operand, c);
      query.collect(c);
    }

    @Override
    public void render(RenderContext r) {
      r.expr(operand);
      r.sql.append(negated ? " NOT IN (" : " IN (");
      query.render(r);
      r.sql.append(')');
    }
  }

  /** {@code [NOT] EXISTS (SELECT …)} and a scalar subquery {@code (SELECT …)}. */
  static final class SubqueryNode implements Node {
    final String prefix;
    final QueryNode query;

    SubqueryNode(String prefix, QueryNode query) {
      this.prefix = prefix;
      this.query = query;
    }

    @Override
    public void collect(Collector c) {
      c.token(prefix);
      query.collect(c);
    }

    @Override
    public void render(RenderContext r) {
      r.sql.append(prefix).append('(');
      query.render(r);
      r.sql.append(')');
    }
  }

  /** How a LIKE pattern is escaped. */
  enum Escape { NONE, DEFAULT, GIVEN }

  /**
   * {@code x [NOT] LIKE p [ESCAPE e]}, or the dialect's case-insensitive form. The pattern is
   * always bound; the escape is the dialect's fixed literal ({@link Escape#DEFAULT}, as
   * contains/startsWith/endsWith) or a bound character given by the caller.
   */
  static final class LikeNode implements Node {
    final Expression<?> operand;
    final Expression<?> pattern;
    final Escape escape;
    final Expression<?> escapeValue;
    final boolean negated;
    final boolean ignoreCase;

    LikeNode(Expression<?> operand, Expression<?> pattern, Escape escape, Expression<?> escapeValue, boolean negated,
        boolean ignoreCase) {
      this.operand = operand;
      this.pattern = Objects.requireNonNull(pattern, "pattern");
      this.escape = escape;
      this.escapeValue = escapeValue;
      this.negated = negated;
      this.ignoreCase = ignoreCase;
    }

    @Override
    public void collect(Collector c) {
      c.token(ignoreCase ? "ILIKE" : "LIKE");
      c.token(negated);
      c.token(escape);
      Nodes.collect(operand, c);
      Nodes.collect(pattern, c);
      if (escape == Escape.GIVEN) {
        Nodes.collect(escapeValue, c);
      }
    }

    @Override
    public void render(RenderContext r) {
      Fragment esc = escape == Escape.NONE ? null
          : escape == Escape.DEFAULT ? b -> b.append(r.dialect.likeEscapeLiteral())
          : r.fragment(escapeValue);
      if (ignoreCase) {
        r.dialect.ilike(r.sql, r.fragment(operand), r.fragment(pattern), esc, negated);
        return;
      }
      r.expr(operand);
      r.sql.append(negated ? " NOT LIKE " : " LIKE ");
      r.expr(pattern);
      if (esc != null) {
        r.sql.append(" ESCAPE ");
        esc.writeTo(r.sql);
      }
    }
  }

  /** Escapes {@code %}, {@code _} and the escape character itself for a literal LIKE match. */
  static String escapeLike(String text, char escape) {
    int first = 0;
    while (first < text.length() && !needsLikeEscape(text.charAt(first), escape)) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (needsLikeEscape(ch, escape)) {
        sb.append(escape);
      }
      sb.append(ch);
    }
    return sb.toString();
  }

  private static boolean needsLikeEscape(char ch, char escape) {
    return ch == '%' || ch == '_' || ch == escape;
  }
}
