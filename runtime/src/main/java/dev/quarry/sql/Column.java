package dev.quarry.sql;

import dev.quarry.types.SqlType;
import java.util.Objects;

/**
 * A column of a {@link Table}, usable as an expression. Columns are created by their table
 * (see the column factories of {@link Table}); an aliased table has its own column objects.
 *
 * @param <T> the Java type of values
 */
public abstract class Column<T> implements Expression<T> {
  private final Table table;
  private final ColumnSpec<T> spec;
  private final int index;
  /** What this column contributes to a statement's shape: its qualified name (see render cache). */
  final Object shapeToken;

  protected Column(Table table, ColumnSpec<T> spec, int index) {
    this.table = Objects.requireNonNull(table, "table");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.index = index;
    this.shapeToken = new Nodes.NameToken(table.schema(), table.name(), table.alias(), spec.name());
  }

  /** The table (or table alias) this column belongs to. */
  public final Table table() {
    return table;
  }

  /** The column's definition. */
  public final ColumnSpec<T> spec() {
    return spec;
  }

  /** Column name (unquoted). */
  public final String name() {
    return spec.name();
  }

  /** Position of this column in its table's {@link Table#columns()}, from 0. */
  public final int index() {
    return index;
  }

  @Override
  public final SqlType<T> type() {
    return spec.type();
  }

  /** The same column of another alias of the same table. */
  @SuppressWarnings("unchecked")
  public final Column<T> of(Table alias) {
    return (Column<T>) alias.columns().get(index);
  }

  @Override
  public String toString() {
    return table.displayName() + "." + name();
  }
}
