package dev.quarry.sql.internal;

/**
 * How an IN list longer than {@link Dialect#maxBindParameters()} is passed, so that it works in
 * one statement whatever its length.
 */
public enum LongInList {
  /** Several IN lists joined by OR (AND for NOT IN); every value is still its own parameter. */
  SPLIT,
  /** One array parameter: {@code x = ANY(?)} / {@code x <> ALL(?)} (PostgreSQL, H2). */
  ARRAY,
  /** One JSON array parameter: {@code x IN (SELECT value FROM json_each(?))} (SQLite). */
  JSON_EACH
}
