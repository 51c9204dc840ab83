package dev.quarry.sql;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Parameter;
import dev.quarry.engine.ResultColumn;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.sql.internal.NullOrdering;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Shared machinery of statements: compiling through the render cache, FROM items, labels, sort keys. */
final class Statements {
  private Statements() {}

  private static final Object DERIVED = new Nodes.Token("derived");
  private static final Object CTE = new Nodes.Token("cte");

  /**
   * Collects the statement's shape and values, then takes its SQL from the cache (rendering on a
   * miss). {@code selection} is what the statement's rows hold (empty for none): its result
   * columns come from the cached shape when they are the same expression objects.
   */
  static CompiledStatement compile(Node root, Dialect dialect, List<? extends Expression<?>> selection,
      List<String> generatedKeys) {
    Collector c = Collector.acquire(dialect);
    try {
      root.collect(c);
      Rendered rendered = RenderCache.lookup(dialect, c.key());
      if (rendered != null) {
        return rendered.compiled(c, selection, generatedKeys);
      }
    } finally {
      c.release();
    }
    // A miss: collect again, recording which node owns each value, to render the text.
    Collector recording = Collector.recording(dialect);
    root.collect(recording);
    return RenderCache.render(dialect, recording, root).compiled(recording, selection, generatedKeys);
  }

  /** Renders {@code root} once, uncached, collecting the tables it names. */
  static java.util.Set<String> tables(Node root, Dialect dialect) {
    Collector recording = Collector.recording(dialect);
    root.collect(recording);
    RenderContext ctx = new RenderContext(dialect, recording);
    ctx.tables = new java.util.TreeSet<>();
    root.render(ctx);
    return java.util.Set.copyOf(ctx.tables);
  }

  static QueryNode queryNode(Query q) {
    if (q instanceof QueryNode n) {
      return n;
    }
    throw Nodes.unsupported(q);
  }

  /** A LIMIT or OFFSET value, bound so the SQL text does not depend on it. */
  static Ops.ValueNode pagingValue(String what, int count) {
    if (count < 0) {
      throw new IllegalArgumentException(what + " must be a non-negative integer, got " + count);
    }
    return new Ops.ValueNode(new Parameter(what, count, SqlTypes.INTEGER));
  }

  /** A single-column query as a value: {@code (SELECT …)}. */
  @SuppressWarnings("unchecked")
  static <T> Expression<T> scalar(QueryNode q) {
    List<Expression<?>> sel = q.selection();
    if (sel.size() != 1) {
      throw new IllegalArgumentException("a scalar subquery must select exactly one column; this one selects "
          + sel.size() + ": " + sel);
    }
    return (Expression<T>) Expr.wrap(new Ops.SubqueryNode("", q), sel.get(0).type());
  }

  // --- FROM items ---------------------------------------------------------------------------

  static void collectFrom(TableLike t, Collector c) {
    if (t instanceof Table table) {
      c.token(table.shapeToken);
      if (table.source() != null) { // joined inheritance: the table reads as a join of its stored tables
        c.token(DERIVED);
        collectUncorrelated((QueryNode) table.source(), c);
      }
    } else if (t instanceof CommonTableImpl cte) {
      c.token(CTE);
      c.token(cte.alias());
    } else if (t instanceof DerivedTableImpl d) {
      c.token(DERIVED);
      c.token(d.alias());
      collectUncorrelated(d.query, c);
    } else {
      throw Nodes.unsupported(t);
    }
  }

  /** A query in FROM or WITH: its FROM is inferred without regard to the enclosing select (not LATERAL). */
  static void collectUncorrelated(QueryNode q, Collector c) {
    ImplicitFrom.Scope outer = c.scope;
    c.scope = null;
    try {
      q.collect(c);
    } finally {
      c.scope = outer;
    }
  }

  static void renderUncorrelated(QueryNode q, RenderContext r) {
    ImplicitFrom.Scope outer = r.scope;
    r.scope = null;
    try {
      q.render(r);
    } finally {
      r.scope = outer;
    }
  }

  static void renderFrom(TableLike t, RenderContext r) {
    if (t instanceof Table table && table.source() != null) {
      r.sql.append('(');
      renderUncorrelated((QueryNode) table.source(), r);
      r.sql.append(") AS ").append(r.quote(table.displayName()));
    } else if (t instanceof Table table) {
      r.tableReference(table);
    } else if (t instanceof CommonTableImpl cte) {
      r.identifier(cte.alias());
    } else if (t instanceof DerivedTableImpl d) {
      r.sql.append('(');
      renderUncorrelated(d.query, r);
      r.sql.append(") AS ").append(r.quote(d.alias()));
    } else {
      throw Nodes.unsupported(t);
    }
  }

  // --- select lists -------------------------------------------------------------------------

  /**
   * Tables expanded to their columns, derived tables to their fields; immutable. A list of plain
   * expressions (the common case) is returned as it is, without a copy.
   */
  @SuppressWarnings("unchecked")
  static List<Expression<?>> expand(List<SelectItem> items) {
    boolean plain = true;
    for (int i = 0; i < items.size() && plain; i++) {
      SelectItem item = items.get(i);
      // Class tests (cheaper than an interface test) for the two kinds of expression there are.
      plain = item instanceof Column<?> || item instanceof Expr<?>;
    }
    if (plain) {
      // Every SelectItem here is an Expression: the cast is safe; immutability is the caller's.
      return (List<Expression<?>>) (List<?>) items;
    }
    if (items.size() == 1 && items.get(0) instanceof Table t) {
      return (List<Expression<?>>) (List<?>) t.columnList();
    }
    List<Expression<?>> out = new ArrayList<>();
    for (SelectItem item : items) {
      if (item instanceof Table t) {
        out.addAll(t.columns());
      } else if (item instanceof DerivedTableImpl d) {
        for (String label : d.query.labels()) {
          out.add(d.field(label));
        }
      } else if (item instanceof Expression<?> e) {
        out.add(e);
      } else {
        throw Nodes.unsupported(item);
      }
    }
    return List.copyOf(out);
  }

  /** The name a result column gets: a column's name, an alias, or {@code exprN} (written as an alias). */
  static String label(Expression<?> e, int position) {
    if (e instanceof Column<?> c) {
      return c.name();
    }
    if (e instanceof Expr<?> x) {
      if (x.node() instanceof Functions.AliasNode a) {
        return a.alias;
      }
      if (x.node() instanceof Functions.FieldRefNode f) {
        return f.label;
      }
    }
    return "expr" + (position + 1);
  }

  /** Whether the label must be written with AS (the expression does not name itself). */
  static boolean needsAlias(Expression<?> e) {
    return !(e instanceof Column<?>) && !(e instanceof Expr<?> x && x.node() instanceof Functions.FieldRefNode);
  }

  static List<String> labels(List<Expression<?>> selection) {
    List<String> labels = new ArrayList<>(selection.size());
    for (int i = 0; i < selection.size(); i++) {
      labels.add(label(selection.get(i), i));
    }
    return labels;
  }

  static void renderSelectList(List<Expression<?>> selection, List<String> labels, RenderContext r) {
    for (int i = 0; i < selection.size(); i++) {
      if (i > 0) {
        r.sql.append(", ");
      }
      Expression<?> e = selection.get(i);
      r.expr(e);
      if (needsAlias(e)) {
        r.sql.append(" AS ").append(r.quote(labels.get(i)));
      }
    }
  }

  /** The result columns of {@code selection}, each keyed by the selected expression object itself. */
  static List<ResultColumn> resultColumns(List<? extends Expression<?>> selection) {
    ResultColumn[] out = new ResultColumn[selection.size()];
    for (int i = 0; i < out.length; i++) {
      Expression<?> e = selection.get(i);
      out[i] = new ResultColumn(e, label(e, i), e.type());
    }
    return List.of(out);
  }

  // --- sort keys as strings -----------------------------------------------------------------

  /** A candidate for string sort keys: a name and the expression it stands for. */
  record Named(String name, Expression<?> expression) {}

  /**
   * Resolves {@code key} ({@code name}, {@code -name}, {@code name desc}, {@code name asc nulls last})
   * against {@code candidates}. The whole key is tried as a name first, so names with spaces work.
   */
  static SortField resolveSortKey(String key, List<Named> candidates, String where) {
    Objects.requireNonNull(key, "sort key");
    Expression<?> whole = find(key, candidates, where, false);
    if (whole != null) {
      return whole.asc();
    }
    String rest = key.trim();
    boolean desc = false;
    if (rest.startsWith("-") || rest.startsWith("+")) {
      desc = rest.charAt(0) == '-';
      rest = rest.substring(1);
    }
    NullOrdering nulls = NullOrdering.DEFAULT;
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.endsWith(" nulls first") || lower.endsWith(" nulls last")) {
      nulls = lower.endsWith(" nulls first") ? NullOrdering.FIRST : NullOrdering.LAST;
      rest = rest.substring(0, rest.length() - (nulls == NullOrdering.FIRST ? 12 : 11)).trim();
      lower = rest.toLowerCase(Locale.ROOT);
    }
    if (lower.endsWith(" desc")) {
      desc = true;
      rest = rest.substring(0, rest.length() - 5).trim();
    } else if (lower.endsWith(" asc")) {
      rest = rest.substring(0, rest.length() - 4).trim();
    }
    Expression<?> e = find(rest, candidates, where, true);
    Functions.SortNode s = new Functions.SortNode(e, desc, nulls);
    return s;
  }

  /**
   * The candidate named {@code name}: by its exact name, else ignoring case and underscores, so a
   * property-style name finds its column ({@code createdAt}, {@code CREATED_AT} → {@code created_at}).
   */
  private static Expression<?> find(String name, List<Named> candidates, String where, boolean required) {
    Expression<?> found = null;
    int matches = 0;
    for (Named n : candidates) {
      if (n.name().equals(name)) {
        if (found != n.expression()) {
          matches++;
        }
        found = n.expression();
      }
    }
    if (found == null) {
      String loose = loose(name);
      for (Named n : candidates) {
        if (loose(n.name()).equals(loose)) {
          if (found != n.expression()) {
            matches++;
          }
          found = n.expression();
        }
      }
    }
    if (matches > 1) {
      throw new IllegalArgumentException("sort key '" + name + "' is ambiguous in " + where
          + "; qualify it with Sql.sort(table, key) or pass the column itself");
    }
    if (found == null && required) {
      List<String> names = new ArrayList<>();
      for (Named n : candidates) {
        names.add(n.name());
      }
      throw new IllegalArgumentException("unknown sort key '" + name + "' for " + where + "; allowed: " + names
          + " (optionally prefixed by '-' or followed by asc/desc and nulls first/last)");
    }
    return found;
  }

  private static String loose(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  static List<Named> columnsOf(TableLike t) {
    List<Named> out = new ArrayList<>();
    if (t instanceof Table table) {
      for (Column<?> c : table.columns()) {
        out.add(new Named(c.name(), c));
      }
    } else if (t instanceof DerivedTableImpl d) {
      for (String label : d.query.labels()) {
        out.add(new Named(label, d.field(label)));
      }
    }
    return out;
  }
}
