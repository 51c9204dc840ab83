package dev.quarry.sql.dialect;

/** Where NULLs sort in an ORDER BY item. */
public enum NullOrdering {
  /** The database's default placement. */
  DEFAULT,
  FIRST,
  LAST
}
