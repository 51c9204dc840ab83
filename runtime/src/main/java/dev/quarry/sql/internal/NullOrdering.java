package dev.quarry.sql.internal;

/** Where NULLs sort in an ORDER BY item. */
public enum NullOrdering {
  /** The database's default placement. */
  DEFAULT,
  FIRST,
  LAST
}
