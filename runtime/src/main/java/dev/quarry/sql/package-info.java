/**
 * The SQL expression language: typed tables and columns, expressions, and statements that the
 * engine executes ({@link dev.quarry.engine.Executable}).
 *
 * <p>Start from {@link dev.quarry.sql.Sql} (static import): {@code select}, {@code selectDistinct},
 * {@code insertInto}, {@code update}, {@code deleteFrom}, {@code text}, {@code val}, aggregates,
 * {@code function}, {@code caseWhen}, {@code exists}, window functions and CTEs. Operators live
 * on the expression interfaces: {@link dev.quarry.sql.Expression} (eq, in, isNull, asc, as,
 * cast, coalesce), {@link dev.quarry.sql.ComparableExpression} (lt, between, min),
 * {@link dev.quarry.sql.NumberExpression} (plus, sum), {@link dev.quarry.sql.StringExpression}
 * (like, contains, lower) and {@link dev.quarry.sql.Predicate} (and, or, not).
 *
 * <p>Everything is immutable and thread-safe. Values are always bound parameters and identifiers
 * always quoted by the {@link dev.quarry.sql.internal.Dialect}. A statement renders in two passes:
 * a cheap pass collects its shape and values; the SQL text is rendered once per shape and dialect
 * and cached, so compiling the same query with other values does not render again.
 */
package dev.quarry.sql;
