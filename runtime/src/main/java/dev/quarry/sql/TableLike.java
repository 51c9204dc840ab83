package dev.quarry.sql;

/**
 * Something FROM and JOIN accept: a {@link Table}, a {@link DerivedTable} (a subquery with an
 * alias) or a {@link CommonTable} (a WITH query). In a select list it stands for all its columns.
 */
public interface TableLike extends SelectItem {}
