package dev.quarry.engine;

/**
 * A database transaction, or a savepoint inside one ({@link #isNested()}). End it with
 * {@link #commit()} or {@link #rollback()}; closing it without either rolls back, so
 * try-with-resources never leaves a transaction open. Ending an outer transaction ends the
 * savepoints still open inside it.
 */
public interface Transaction extends AutoCloseable {
  /** The connection the transaction runs on. */
  Connection connection();

  /** Commits (releases the savepoint, for a nested transaction). */
  void commit();

  /** Rolls back (to the savepoint, for a nested transaction). */
  void rollback();

  /** Whether neither commit nor rollback has happened yet. */
  boolean isActive();

  /** Whether this is a savepoint inside another transaction. */
  boolean isNested();

  /**
   * Rolls back if still active. A transaction from {@link Engine#begin()} returns its connection to
   * the pool when it ends (commit, rollback or close).
   */
  @Override
  void close();
}
