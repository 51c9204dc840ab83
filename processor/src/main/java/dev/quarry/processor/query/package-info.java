/**
 * Checking the SQL of {@code @Query} methods at compile time, without a database.
 *
 * <p>{@link dev.quarry.processor.query.QueryChecker} parses the query, resolves every table,
 * alias, CTE, derived table and column against a {@link dev.quarry.processor.query.Catalog},
 * infers the Java type each {@code :name} parameter is compared with, types the result columns,
 * and reports every problem with a message (from {@code Errors}) that says what to change.
 *
 * <h2>Why JSqlParser, not Apache Calcite</h2>
 * The query runs as written, so the checker needs a parser, not a planner. JSqlParser parses a
 * superset of the PostgreSQL, SQLite, H2, MySQL and MariaDB syntax ({@code ::} casts, {@code ILIKE},
 * {@code ON CONFLICT}, {@code ON DUPLICATE KEY UPDATE}, {@code RETURNING}, {@code DISTINCT ON},
 * {@code LIMIT} and {@code FETCH FIRST}) into a syntax tree that keeps each vendor construct, so the
 * checker can say which construct a dialect lacks; it is one small jar without dependencies (an
 * explicit module, {@code net.sf.jsqlparser}) and is actively maintained. Calcite validates only
 * its own SQL dialect, rewrites and normalises the query into relational algebra (losing the
 * vendor syntax the checker must report) and brings a large dependency tree into javac's processor
 * path.
 *
 * <h2>How the text is kept</h2>
 * The JDBC text is the original text with each {@code :name} replaced by {@code ?} ({@link
 * dev.quarry.processor.query.SqlText}, a tokenizer that skips string literals, quoted identifiers,
 * comments, dollar quotes and {@code ::} casts); only a trailing semicolon is dropped. The parser
 * sees the text with each parameter renamed to a placeholder, so that a parameter named like a
 * keyword ({@code :from}, {@code :limit}) parses; syntax errors are reported at their position in
 * the text as written. An optional parameter's condition is the smallest AND-conjunct of a WHERE,
 * HAVING or JOIN ... ON condition holding it, found in the tokens (the AND of a BETWEEN does not
 * split; a parenthesised AND-group is looked into); a condition under OR, or a parameter outside
 * such a condition (select list, SET, VALUES, LIMIT), is an error ({@code ProblemKind.OTHER}).
 *
 * <h2>Types</h2>
 * <ul>
 *   <li>Parameters take the type of what they are compared with: the other operand of a
 *   comparison or arithmetic, the left side of BETWEEN, {@code java.util.Collection<T>} for
 *   {@code col IN (:p)}, {@code java.lang.String} for LIKE/ILIKE, the column for {@code SET col =}
 *   and INSERT values, {@code java.lang.Long} for LIMIT/OFFSET/FETCH (an {@code int} parameter is
 *   accepted by widening). A parameter whose type cannot be inferred is {@code java.lang.Object}
 *   and accepts any declared type. A declared type is accepted when it equals the inferred one
 *   (primitives boxed), widens to it (byte, short, int, long, BigInteger, BigDecimal; float,
 *   double; integral to floating point), or, for IN, is a Collection/List/Set/Iterable whose
 *   element type is accepted.
 *   <li>COUNT is {@code java.lang.Long}, not null. SUM of integers is {@code java.lang.Long}
 *   (PostgreSQL and MySQL compute a NUMERIC/DECIMAL for some integer sums; the drivers read it as a
 *   long), of decimals {@code java.math.BigDecimal}, of floating point {@code java.lang.Double}.
 *   MIN/MAX have their argument's type; SUM, AVG, MIN and MAX are nullable (no rows).
 *   <li>AVG is {@code java.math.BigDecimal} on PostgreSQL, H2, MariaDB and MySQL and
 *   {@code java.lang.Double} on SQLite. When the dialects disagree the checker picks
 *   {@code java.math.BigDecimal}: every dialect's value converts to it without loss (a double is
 *   an exact binary fraction), while reading a NUMERIC as a double would round.
 *   <li>Integer division is {@code java.math.BigDecimal} when MySQL or MariaDB is a target (their
 *   {@code /} gives a DECIMAL). A column on the optional side of an outer join is nullable.
 *   Unknown functions give {@code java.lang.Object}.
 * </ul>
 *
 * <h2>Dialects</h2>
 * Constructs reported per dialect ({@code ProblemKind.DIALECT_SYNTAX}): RETURNING (PostgreSQL
 * and SQLite; MariaDB for INSERT and DELETE only; not H2 or MySQL), FULL JOIN (not MySQL,
 * MariaDB or H2 2.x, which parses none; SQLite has it since 3.39), ILIKE (PostgreSQL, H2), {@code OFFSET ... FETCH FIRST} (not
 * SQLite or MySQL; MariaDB has it since 10.6, the oldest MariaDB Quarry supports; LIMIT/OFFSET
 * runs everywhere), {@code LIMIT offset, count} (not PostgreSQL or H2), ON CONFLICT (PostgreSQL,
 * SQLite), ON DUPLICATE KEY UPDATE (MySQL, MariaDB), MERGE (PostgreSQL 15+, H2; checked as an
 * UPDATE), {@code ::} casts (PostgreSQL, H2), DISTINCT ON (PostgreSQL), {@code ||} (not MySQL or
 * MariaDB, where it means OR), an aggregate's {@code FILTER (WHERE ...)} (not MySQL or MariaDB),
 * double-quoted identifiers (string literals on MySQL and MariaDB) and back-quoted ones (not
 * PostgreSQL or H2). Window functions, CTEs, INTERSECT/EXCEPT and TRUE/FALSE run everywhere.
 */
package dev.quarry.processor.query;
