package dev.quarry.sql;

/** A DELETE with WHERE conditions and optional RETURNING. Immutable. */
public interface Delete extends DataChange {
  /** Adds conditions, ANDed with any already present. */
  Delete where(Predicate... conditions);

  /** {@code RETURNING …} (PostgreSQL, SQLite, MariaDB), a delta table on H2; an error at compile on MySQL. */
  Delete returning(Expression<?>... expressions);
}
