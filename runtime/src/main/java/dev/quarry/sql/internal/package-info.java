/**
 * One {@link dev.quarry.sql.internal.Dialect} per database: identifier quoting, DDL type names,
 * capabilities and the clauses whose spelling differs. Dialects know SQL text and
 * {@link dev.quarry.types} only; the statement builder in {@code dev.quarry.sql} hands them its
 * pieces as {@link dev.quarry.sql.internal.Fragment}s, so this package imports nothing above types.
 */
package dev.quarry.sql.internal;
