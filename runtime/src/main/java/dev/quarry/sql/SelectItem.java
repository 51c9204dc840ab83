package dev.quarry.sql;

/** Something a select list accepts: an expression, or a table (all of its columns). */
public interface SelectItem {}
