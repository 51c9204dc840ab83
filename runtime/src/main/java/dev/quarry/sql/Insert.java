package dev.quarry.sql;

/**
 * An INSERT: one row ({@link #set} or {@link #values}), many rows ({@link #values} repeatedly)
 * or rows from a query ({@link #select}); optionally an upsert ({@link #onConflict}) and the
 * generated keys or other columns returned ({@link #returning}). Immutable.
 */
public interface Insert extends DataChange {
  /** The columns that {@link #values} gives values for, in order. */
  Insert columns(Column<?>... columns);

  /** Adds a row: one value per column given to {@link #columns}; a value may be an {@link Expression}. */
  Insert values(Object... values);

  /** Adds many rows at once, each a list of values in {@link #columns} order (cheaper than repeated {@link #values}). */
  Insert rows(Iterable<? extends java.util.List<?>> rows);

  /**
   * Adds many rows, each a map from column to value (a value may be an {@link Expression}). The
   * columns are those of {@link #columns}, or else the first row's keys; every row must give exactly
   * those columns (SQLAlchemy's {@code insert(t).values([{...}, {...}])}).
   *
   * @throws IllegalArgumentException naming a column a row leaves out or adds
   */
  Insert rowsByColumn(Iterable<? extends java.util.Map<? extends Column<?>, ?>> rows);

  /** Sets a column of the (single) row. */
  <T> Insert set(Column<T> column, T value);

  /** Sets a column of the (single) row to an expression. */
  <T> Insert set(Column<T> column, Expression<? extends T> value);

  /** {@code INSERT INTO t (columns) SELECT …}. */
  Insert select(Query query);

  /**
   * Returns these expressions of the inserted rows: through {@code RETURNING} where the database
   * has it, else through JDBC generated keys (then only columns of the table are allowed).
   */
  Insert returning(Expression<?>... expressions);

  /** Makes this an upsert: what to do when a row conflicts on these key columns (default: the primary key). */
  ConflictAction onConflict(Column<?>... keys);
}
