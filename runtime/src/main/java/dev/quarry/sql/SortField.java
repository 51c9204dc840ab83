package dev.quarry.sql;

/** An ORDER BY item with direction; NULL placement is emulated where a database lacks it. */
public interface SortField extends OrderField {
  /** The same item with NULLs sorted first. */
  SortField nullsFirst();

  /** The same item with NULLs sorted last. */
  SortField nullsLast();
}
