package dev.quarry.sql;

/**
 * A common table expression ({@code WITH name AS (SELECT …)}), possibly recursive. Attach it to
 * a statement with {@link Select#with}, select from it like a table, and reference its columns
 * with {@link #field}. Built by {@link Sql#cte} and {@link Sql#recursiveCte}.
 */
public interface CommonTable extends DerivedTable {
  /** Whether the query refers to itself ({@code WITH RECURSIVE}). */
  boolean recursive();
}
