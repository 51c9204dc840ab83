package dev.quarry.sql;

import dev.quarry.sql.internal.Fragment;
import dev.quarry.sql.internal.NullOrdering;
import dev.quarry.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Nodes of function calls, casts, CASE, aliases, sort keys and references to derived columns. */
final class Functions {
  private Functions() {}

  private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  /** Function names are SQL text, so only plain identifiers (optionally schema-qualified) pass. */
  static String checkFunctionName(String name) {
    if (name == null || !FUNCTION_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid SQL function name '" + name
          + "': use letters, digits and underscores (optionally schema.name); for other SQL use Sql.text(...)");
    }
    return name;
  }

  /** {@code NAME([DISTINCT] args)}; {@code NAME(*)} for a star argument. */
  static final class FunctionNode implements Node {
    final String name;
    final boolean distinct;
    final List<Expression<?>> args;
    final boolean aggregate;
    /** {@code avg()}: its result is read as a double, which the dialect may need to ask for. */
    private final boolean average;

    FunctionNode(String name, boolean distinct, List<Expression<?>> args, boolean aggregate) {
      this(name, distinct, args, aggregate, false);
    }

    private FunctionNode(String name, boolean distinct, List<Expression<?>> args, boolean aggregate, boolean average) {
      this.name = checkFunctionName(name);
      this.distinct = distinct;
      this.args = List.copyOf(args);
      this.aggregate = aggregate;
      this.average = average;
    }

    /** {@code AVG(argument)} read as a double, rendered by the dialect. */
    static FunctionNode average(Expression<?> argument) {
      return new FunctionNode("AVG", false, List.of(argument), true, true);
    }

    @Override
    public void collect(Collector c) {
      c.token(name);
      c.token(distinct);
      c.token(average);
      Nodes.collectAll(args, c);
    }

    @Override
    public void render(RenderContext r) {
      if (average) {
        r.dialect.average(r.sql, r.fragment(args.get(0)));
        return;
      }
      r.sql.append(name).append('(');
      if (distinct) {
        r.sql.append("DISTINCT ");
      }
      Nodes.renderAll(args, r);
      r.sql.append(')');
    }

    @Override
    public String toString() {
      return name + "(" + args + ")";
    }
  }

  /** The number of characters of a string, by the dialect's function ({@code LENGTH}, {@code CHAR_LENGTH}). */
  static final class CharLengthNode implements Node {
    final Expression<?> operand;

    CharLengthNode(Expression<?> operand) {
      this.operand = operand;
    }

    @Override
    public void collect(Collector c) {
      c.token("CHAR_LENGTH");
      Nodes.collect(operand, c);
    }

    @Override
    public void render(RenderContext r) {
      r.sql.append(r.dialect.charLengthFunction()).append('(');
      r.expr(operand);
      r.sql.append(')');
    }
  }

  /** {@code COUNT(*)}. */
  enum CountStar implements Node {
    INSTANCE;

    @Override
    public void collect(Collector c) {
      c.token(this);
    }

    @Override
    public void render(RenderContext r) {
      r.sql.append("COUNT(*)");
    }
  }

  /** {@code CAST(x AS type)} with the dialect's DDL name of the type. */
  static final class CastNode implements Node {
    final Expression<?> operand;
    final SqlType<?> target;

    CastNode(Expression<?> operand, SqlType<?> target) {
      this.operand = operand;
      this.target = Objects.requireNonNull(target, "type");
    }

    @Override
    public void collect(Collector c) {
      c.token("CAST");
      c.token(target);
      Nodes.collect(operand, c);
    }

    @Override
    public void render(RenderContext r) {
      r.sql.append("CAST(");
      r.expr(operand);
      r.sql.append(" AS ").append(r.dialect.castTypeName(target)).append(')');
    }
  }

  /** String concatenation, spelled by the dialect. */
  static final class ConcatNode implements Node {
    final List<Expression<?>> parts;

    ConcatNode(List<Expression<?>> parts) {
      this.parts = List.copyOf(parts);
    }

    @Override
    public void collect(Collector c) {
      c.token("CONCAT");
      Nodes.collectAll(parts, c);
    }

    @Override
    public void render(RenderContext r) {
      List<Fragment> fragments = new ArrayList<>(parts.size());
      for (Expression<?> p : parts) {
        fragments.add(r.fragment(p));
      }
      r.dialect.concat(r.sql, fragments);
    }
  }

  /** {@code CASE WHEN c THEN v … [ELSE e] END}. */
  static final class CaseNode implements Node {
    final List<Expression<Boolean>> conditions;
    final List<Expression<?>> results;
    final Expression<?> otherwise;

    CaseNode(List<Expression<Boolean>> conditions, List<Expression<?>> results, Expression<?> otherwise) {
      this.conditions = List.copyOf(conditions);
      this.results = List.copyOf(results);
      this.otherwise = otherwise;
    }

    @Override
    public void collect(Collector c) {
      c.token("CASE");
      c.token(conditions.size());
      for (int i = 0; i < conditions.size(); i++) {
        Nodes.collect(conditions.get(i), c);
        collectResult(results.get(i), c);
      }
      c.token(otherwise != null);
      if (otherwise != null) {
        collectResult(otherwise, c);
      }
    }

    /** A bound result's type is part of the shape: some dialects cast it ({@link #renderResult}). */
    private static void collectResult(Expression<?> result, Collector c) {
      if (isBound(result)) {
        c.token(result.type());
      }
      Nodes.collect(result, c);
    }

    private static boolean isBound(Expression<?> e) {
      return e instanceof Expr<?> x && x.node() instanceof Ops.ValueNode;
    }

    /** A result; a bound one cast where the dialect cannot type it ({@code Dialect#caseResultCast}). */
    private static void renderResult(Expression<?> result, RenderContext r) {
      String cast = isBound(result) ? r.dialect.caseResultCast(result.type()) : null;
      if (cast == null) {
        r.expr(result);
        return;
      }
      r.sql.append("CAST(");
      r.expr(result);
      r.sql.append(" AS ").append(cast).append(')');
    }

    @Override
    public void render(RenderContext r) {
      r.sql.append("CASE");
      for (int i = 0; i < conditions.size(); i++) {
        r.sql.append(" WHEN ");
        r.expr(conditions.get(i));
        r.sql.append(" THEN ");
        renderResult(results.get(i), r);
      }
      if (otherwise != null) {
        r.sql.append(" ELSE ");
        renderResult(otherwise, r);
      }
      r.sql.append(" END");
    }
  }

  /** An expression with a label; the label is written only where the select list defines it. */
  static final class AliasNode implements Node {
    final Expression<?> operand;
    final String alias;

    AliasNode(Expression<?> operand, String alias) {
      if (alias == null || alias.isEmpty()) {
        throw new IllegalArgumentException("an alias must be a non-empty name");
      }
      this.operand = Objects.requireNonNull(operand, "expression");
      this.alias = alias;
    }

    @Override
    public void collect(Collector c) {
      c.token("AS");
      c.token(alias);
      Nodes.collect(operand, c);
    }

    @Override
    public void render(RenderContext r) {
      r.expr(operand);
    }
  }

  /** A column of a derived table or CTE: {@code "alias"."label"}. */
  static final class FieldRefNode implements Node {
    final String qualifier;
    final String label;

    FieldRefNode(String qualifier, String label) {
      this.qualifier = qualifier;
      this.label = label;
    }

    @Override
    public void collect(Collector c) {
      c.token("FIELD");
      c.token(qualifier);
      c.token(label);
    }

    @Override
    public void render(RenderContext r) {
      if (qualifier != null) {
        r.identifier(qualifier).append(".");
      }
      r.identifier(label);
    }
  }

  /** In an upsert's SET, the value the conflicting row would have inserted. */
  static final class ExcludedNode implements Node {
    final String column;

    ExcludedNode(String column) {
      this.column = column;
    }

    @Override
    public void collect(Collector c) {
      c.token("EXCLUDED");
      c.token(column);
    }

    @Override
    public void render(RenderContext r) {
      r.dialect.excluded(r.sql, column, Upserts.SOURCE_ALIAS);
    }
  }

  /** An ORDER BY item. */
  static final class SortNode implements SortField {
    final Expression<?> operand;
    final boolean descending;
    final NullOrdering nulls;

    SortNode(Expression<?> operand, boolean descending, NullOrdering nulls) {
      this.operand = Objects.requireNonNull(operand, "expression");
      this.descending = descending;
      this.nulls = nulls;
    }

    @Override
    public SortField nullsFirst() {
      return new SortNode(operand, descending, NullOrdering.FIRST);
    }

    @Override
    public SortField nullsLast() {
      return new SortNode(operand, descending, NullOrdering.LAST);
    }

    void collect(Collector c) {
      c.token(descending);
      c.token(nulls);
      Nodes.collect(operand, c);
    }

    void render(RenderContext r) {
      r.dialect.orderItem(r.sql, r.fragment(operand), descending, nulls);
    }

    @Override
    public String toString() {
      return operand + (descending ? " DESC" : " ASC") + (nulls == NullOrdering.DEFAULT ? "" : " NULLS " + nulls);
    }
  }

  /** Sort items from order fields: an expression alone sorts ascending. */
  static SortNode sortNode(OrderField f) {
    if (f instanceof SortNode s) {
      return s;
    }
    if (f instanceof Expression<?> e) {
      return new SortNode(e, false, NullOrdering.DEFAULT);
    }
    throw Nodes.unsupported(f);
  }

  /** The fields as sort nodes, immutable. */
  static List<SortNode> sortNodes(OrderField... fields) {
    SortNode[] out = new SortNode[fields.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = sortNode(Objects.requireNonNull(fields[i], "order field"));
    }
    return List.of(out);
  }

  static void collectSorts(List<SortNode> sorts, Collector c) {
    c.token(sorts.size());
    for (SortNode s : sorts) {
      s.collect(c);
    }
  }

  static void renderSorts(List<SortNode> sorts, RenderContext r) {
    for (int i = 0; i < sorts.size(); i++) {
      if (i > 0) {
        r.sql.append(", ");
      }
      sorts.get(i).render(r);
    }
  }
}
