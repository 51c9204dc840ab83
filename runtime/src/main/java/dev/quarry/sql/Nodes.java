package dev.quarry.sql;

import java.util.List;

/** Dispatch from public expression types to their nodes: columns render themselves here. */
final class Nodes {
  private Nodes() {}

  static void collect(Expression<?> e, Collector c) {
    if (e instanceof Expr<?> x) {
      x.node().collect(c);
    } else if (e instanceof Column<?> col) {
      c.token(col.shapeToken);
      if (c.gathered != null) {
        c.gathered.add(col.table());
      }
    } else {
      throw unsupported(e);
    }
  }

  static void render(Expression<?> e, RenderContext r) {
    if (e instanceof Expr<?> x) {
      x.node().render(r);
    } else if (e instanceof Column<?> col) {
      if (!r.unqualified) {
        r.qualifier(col.table());
        r.sql.append('.');
      }
      r.sql.append(r.quote(col.name()));
    } else {
      throw unsupported(e);
    }
  }

  static void collectAll(List<? extends Expression<?>> list, Collector c) {
    c.token(list.size());
    for (Expression<?> e : list) {
      collect(e, c);
    }
  }

  /** Renders a comma-separated list. */
  static void renderAll(List<? extends Expression<?>> list, RenderContext r) {
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        r.sql.append(", ");
      }
      render(list.get(i), r);
    }
  }

  /** The node behind an expression (columns are wrapped). */
  static Node of(Expression<?> e) {
    if (e instanceof Expr<?> x) {
      return x.node();
    }
    if (e instanceof Column<?>) {
      return new Node() {
        @Override
        public void collect(Collector c) {
          Nodes.collect(e, c);
        }

        @Override
        public void render(RenderContext r) {
          Nodes.render(e, r);
        }
      };
    }
    throw unsupported(e);
  }

  static IllegalArgumentException unsupported(Object e) {
    return new IllegalArgumentException("cannot render " + (e == null ? "null" : e.getClass().getName())
        + ": expressions must come from columns, Sql.val(...), Sql.function(...) or the expression methods;"
        + " for anything else use Sql.text(...)");
  }

  /** A table's or column's qualified name as one shape token; its hash is computed once. */
  static final class NameToken {
    private final String schema;
    private final String table;
    private final String alias;
    private final String column;
    private final int hash;

    NameToken(String schema, String table, String alias, String column) {
      this.schema = schema;
      this.table = table;
      this.alias = alias;
      this.column = column;
      this.hash = java.util.Objects.hash(schema, table, alias, column);
    }

    @Override
    public boolean equals(Object o) {
      return this == o || o instanceof NameToken t && t.hash == hash && java.util.Objects.equals(t.column, column)
          && t.table.equals(table) && java.util.Objects.equals(t.alias, alias) && java.util.Objects.equals(t.schema, schema);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return (schema == null ? "" : schema + ".") + table + (alias == null ? "" : " " + alias)
          + (column == null ? "" : "." + column);
    }
  }

  /**
   * A distinct shape token with a readable name (for debugging keys). Equal only to itself; its
   * identity hash is taken once, as shape keys hash every token on every compile.
   */
  static final class Token {
    private final String name;
    private final int hash;

    Token(String name) {
      this.name = name;
      this.hash = System.identityHashCode(this);
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return "Token[name=" + name + "]";
    }
  }
}
