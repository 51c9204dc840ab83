/**
 * Quarry Core's engine: JDBC plumbing with no knowledge of how statements are built.
 *
 * <p>An {@link dev.quarry.engine.Engine} pools connections (HikariCP) to one database; a
 * {@link dev.quarry.engine.Connection} executes anything that implements
 * {@link dev.quarry.engine.Executable} — it compiles to a {@link dev.quarry.engine.CompiledStatement}
 * (SQL with {@code ?}, typed parameters, result columns, generated-key columns) — and returns a
 * {@link dev.quarry.engine.Result} of detached {@link dev.quarry.engine.Row}s. Transactions are
 * explicit ({@code begin}, {@code inTransaction}, savepoints through {@code beginNested});
 * outside them every statement commits on its own. Driver errors become typed
 * {@link dev.quarry.engine.DatabaseException}s whose messages name the SQL and parameters,
 * eliding secret-looking values.
 *
 * <p>Layering: this package imports only {@code dev.quarry.types}; the SQL layer, schema, SPI and
 * ORM sit above it.
 */
package dev.quarry.engine;
