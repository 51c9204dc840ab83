package dev.quarry.sql;

import dev.quarry.engine.Parameter;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.sql.internal.UpsertStyle;
import java.util.List;

/**
 * Multi-row inserts whose values exceed the dialect's bind-parameter limit, sent as one array
 * per column ({@code INSERT INTO t (a, b) SELECT * FROM UNNEST(?, ?)}) where the dialect binds
 * arrays: the statement then carries as many parameters as columns, whatever the row count, and
 * every such insert of a table shares one shape. Elsewhere (or when a row holds an expression
 * rather than a value, or a column's type cannot travel in an array) the insert is split by rows
 * into several statements ({@code InsertImpl.parts}), which the engine runs all or nothing.
 */
final class LongInserts {
  private LongInserts() {}

  private static final Object TOKEN = new Nodes.Token("insert arrays");

  /** Whether {@code insert}'s rows go as column arrays to {@code dialect} (null: a debugging render). */
  static boolean applies(Dialect dialect, InsertImpl insert) {
    int width = insert.columns.size();
    int rows = insert.rows.size();
    if (dialect == null || insert.query != null || width == 0 || rows < 2
        || (long) rows * width <= dialect.maxBindParameters() || !dialect.insertsRowsFromArrays()
        || rows > dialect.maxArrayElements()
        || insert.conflict != null && dialect.upsertStyle() == UpsertStyle.MERGE) {
      return false;
    }
    for (Column<?> c : insert.columns) {
      if (dialect.arrayElementTypeName(c.type()) == null) {
        return false;
      }
    }
    for (List<Expression<?>> row : insert.rows) {
      for (Expression<?> e : row) {
        if (!(e instanceof Expr<?> x && x.node() instanceof Ops.ValueNode)) {
          return false;
        }
      }
    }
    return true;
  }

  /** One array parameter per column, owned by {@code owner}. */
  static void collect(InsertImpl insert, Object owner, Collector c) {
    c.token(TOKEN);
    int width = insert.columns.size();
    for (int col = 0; col < width; col++) {
      Column<?> column = insert.columns.get(col);
      Object[] values = new Object[insert.rows.size()];
      for (int r = 0; r < values.length; r++) {
        Ops.ValueNode v = (Ops.ValueNode) ((Expr<?>) insert.rows.get(r).get(col)).node();
        values[r] = v.parameter.value();
      }
      c.param(owner, new Parameter(column.name(), values,
          new LongInLists.ArrayType(c.dialect.arrayElementTypeName(column.type()), column.type())));
    }
  }

  /** {@code SELECT * FROM UNNEST(?, …)}, after the column list. */
  static void render(InsertImpl insert, Object owner, RenderContext r) {
    r.sql.append(" SELECT * FROM UNNEST(");
    for (int col = 0; col < insert.columns.size(); col++) {
      if (col > 0) {
        r.sql.append(", ");
      }
      r.bind(owner, col);
    }
    r.sql.append(')');
  }
}
