package dev.quarry.sql;

/** An UPDATE with SET assignments, WHERE conditions and optional RETURNING. Immutable. */
public interface Update extends DataChange {
  <T> Update set(Column<T> column, T value);

  <T> Update set(Column<T> column, Expression<? extends T> value);

  /** {@code column = NULL}. */
  Update setNull(Column<?> column);

  /** Adds conditions, ANDed with any already present. */
  Update where(Predicate... conditions);

  /** {@code RETURNING …} (PostgreSQL, SQLite), a delta table on H2; an error at compile on MySQL/MariaDB. */
  Update returning(Expression<?>... expressions);
}
