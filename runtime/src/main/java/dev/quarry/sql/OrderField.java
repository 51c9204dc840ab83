package dev.quarry.sql;

/** Something ORDER BY accepts: an expression (ascending) or a {@link SortField}. */
public interface OrderField {}
