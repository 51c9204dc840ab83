package dev.quarry.engine;

import java.util.List;

/**
 * A connection borrowed from an {@link Engine}'s pool; close it (try-with-resources) to return it.
 * Outside an explicit transaction each statement commits on its own (autocommit); inside
 * {@link #begin()} statements run in the transaction. Not thread-safe: one thread at a time.
 */
public interface Connection extends Connectable, AutoCloseable {
  /** The engine the connection came from. */
  Engine engine();

  /**
   * Executes a statement; the result holds its rows and row count. When the statement asks for
   * generated keys, the rows are the keys, one per inserted row, labelled with the requested
   * column names. SQLite's driver reports only the rowid ({@code last_insert_rowid()}); other
   * generated values need {@code RETURNING}.
   */
  Result execute(Executable statement);

  /** Executes with a fetch size (streaming) or timeout. */
  Result execute(Executable statement, ExecutionOptions options);

  /** Executes an INSERT, UPDATE, DELETE or DDL statement and returns the rows affected. */
  long executeUpdate(Executable statement);

  /**
   * Executes statements that all render the same SQL as one JDBC batch, each with its own
   * parameters.
   *
   * @throws IllegalArgumentException if two statements render different SQL
   */
  BatchResult executeBatch(List<? extends Executable> statements);

  /**
   * Executes {@code template}'s SQL as one JDBC batch, once per row of values; each row gives a
   * value for every parameter of the template, in order, bound with that parameter's type.
   */
  BatchResult executeBatch(Executable template, List<? extends List<?>> parameterRows);

  /** {@link #executeBatch(Executable, List)} with a timeout for the whole batch (the fetch size does not apply). */
  BatchResult executeBatch(Executable template, List<? extends List<?>> parameterRows, ExecutionOptions options);

  /** Starts a transaction with the engine's default isolation; fails if one is already in progress. */
  Transaction begin();

  /** Starts a transaction with the given isolation level and read-only flag. */
  Transaction begin(TransactionOptions options);

  /**
   * Starts a nested transaction: a savepoint inside the current transaction. Rolling it back
   * undoes only what ran since.
   *
   * @throws IllegalStateException when no transaction is in progress
   */
  Transaction beginNested();

  /**
   * Runs {@code callback} in a transaction — a new one, or a savepoint when one is already in
   * progress — committing when it returns and rolling back when it throws (the exception is
   * rethrown).
   */
  <R> R inTransaction(ConnectionCallback<R> callback);

  /** {@link #inTransaction(ConnectionCallback)} with options for a new transaction. */
  <R> R inTransaction(TransactionOptions options, ConnectionCallback<R> callback);

  /** {@link #inTransaction(ConnectionCallback)} for work without a result. */
  default void runInTransaction(ConnectionAction action) {
    inTransaction(c -> {
      action.accept(c);
      return null;
    });
  }

  /** {@link #inTransaction(TransactionOptions, ConnectionCallback)} for work without a result. */
  default void runInTransaction(TransactionOptions options, ConnectionAction action) {
    inTransaction(options, c -> {
      action.accept(c);
      return null;
    });
  }

  /**
   * Runs {@code action} after the transaction in progress commits: when the outer transaction
   * commits (or its commit's outcome is unknown, {@link CommitOutcomeUnknownException}, so it may
   * have), never if it rolls back; rolling back a savepoint keeps it. Without a transaction it runs
   * at once. Actions run in the order registered, after the commit and after {@link
   * EngineListener#changesCommitted}; if one throws, the others still run and the first exception
   * propagates from the commit, the others suppressed. In a transaction joined to a {@link
   * ConnectionProvider}'s owner (or outside a Quarry transaction on such a connection), the actions
   * go to {@link ConnectionProvider#afterCommit} when Quarry's transaction commits.
   */
  void afterCommit(Runnable action);

  /** Whether a transaction is in progress. */
  boolean isInTransaction();

  /**
   * The underlying JDBC connection (the pool's proxy), for what Quarry does not cover. Do not close
   * it. Session settings changed through it (a {@code SET} run with a plain JDBC statement) are not
   * seen by the engine: call {@link #markSessionChanged()}, or they leak to the next borrower.
   */
  java.sql.Connection jdbc();

  /**
   * Marks this connection's session as changed, so that it is reset before the pool lends it again
   * (PostgreSQL: {@code DISCARD ALL}; other databases: the connection is replaced by a new one).
   * Statements that start with {@code SET} or {@code RESET} (PostgreSQL also {@code set_config},
   * MySQL and MariaDB {@code USE}, SQLite an assigning {@code PRAGMA}) executed through this
   * connection mark it themselves.
   */
  void markSessionChanged();

  /** Whether {@link #close()} was called. */
  boolean isClosed();

  /** Rolls back a transaction in progress, closes open results and returns the connection to the pool. */
  @Override
  void close();
}
