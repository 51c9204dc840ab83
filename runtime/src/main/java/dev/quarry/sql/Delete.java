package dev.quarry.sql;

import dev.quarry.engine.Executable;

/** A DELETE with WHERE conditions and optional RETURNING. Immutable. */
public interface Delete extends Executable {
  /** Adds conditions, ANDed with any already present. */
  Delete where(Predicate... conditions);

  /** {@code RETURNING …}, where the database has it (PostgreSQL, SQLite, MariaDB); elsewhere an error at compile. */
  Delete returning(Expression<?>... expressions);
}
