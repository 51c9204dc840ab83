package dev.quarry.sql;

import dev.quarry.engine.Executable;

/**
 * A query returning rows: a {@link Select} or a set operation over selects. Usable as a
 * subquery ({@code in}, {@code exists}, scalar), as a derived table and in set operations.
 * Immutable: every method returns a new query.
 */
public interface Query extends Executable {
  /** {@code this UNION other} (duplicates removed). */
  Query union(Query other);

  /** {@code this UNION ALL other}. */
  Query unionAll(Query other);

  /** {@code this INTERSECT other}. */
  Query intersect(Query other);

  /** {@code this EXCEPT other}. */
  Query except(Query other);

  /** Sorts the result. */
  Query orderBy(OrderField... fields);

  /**
   * Sorts by sort keys given as strings ({@code "name"}, {@code "-age"}, {@code "age desc nulls last"}),
   * each resolved against the selected columns; unknown keys are rejected.
   */
  Query orderBy(String... sortKeys);

  /** At most {@code count} rows; {@code count} must be a non-negative integer. */
  Query limit(int count);

  /** Skips {@code count} rows; {@code count} must be a non-negative integer. */
  Query offset(int count);

  /** This query as a table in FROM: {@code (SELECT …) AS "alias"}. */
  DerivedTable as(String alias);

  /** This single-column query as a value: {@code (SELECT …)}. */
  <T> Expression<T> asScalar();
}
