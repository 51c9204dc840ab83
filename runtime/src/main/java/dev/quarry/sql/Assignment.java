package dev.quarry.sql;

import java.util.Objects;

/** {@code column = value} in an UPDATE or an upsert; built by {@link Sql#set}. */
public final class Assignment {
  final Column<?> column;
  final Expression<?> value;

  Assignment(Column<?> column, Expression<?> value) {
    this.column = Objects.requireNonNull(column, "column");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The assigned column. */
  public Column<?> column() {
    return column;
  }

  void collect(Collector c) {
    c.token(column.name());
    Nodes.collect(value, c);
  }

  void render(RenderContext r) {
    r.identifier(column.name()).append(" = ");
    r.expr(value);
  }

  @Override
  public String toString() {
    return column.name() + " = " + value;
  }
}
