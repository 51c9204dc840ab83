package dev.quarry.engine;

import java.sql.SQLException;

/**
 * Connections from a pool and transactions the application's framework owns (Spring's
 * {@code DataSourceUtils}, an application server's {@code DataSource}), for an engine built with
 * {@link Engine#builder(ConnectionProvider)}. Such an engine has no pool of its own: every
 * {@link Engine#connect()} asks {@link #acquire()} and every close gives the connection back
 * through {@link #release}.
 *
 * <p>A connection that {@link #inManagedTransaction} says is inside the framework's transaction is
 * <em>joined</em>: a Quarry transaction begun on it (a session's, {@code Connection.begin()})
 * neither changes its autocommit, isolation or read-only flag, nor commits or rolls it back — the
 * framework does. Savepoints ({@code beginNested()}) still work on it. Rolling back a joined
 * transaction calls {@link #markRollbackOnly}, so the framework rolls back at its end.
 */
public interface ConnectionProvider {
  /** A connection for one {@link Engine#connect()}. */
  java.sql.Connection acquire() throws SQLException;

  /** Gives back a connection {@link #acquire()} returned; Quarry uses it no more. */
  void release(java.sql.Connection connection) throws SQLException;

  /** Whether {@code connection} is in a transaction its owner begins and ends (default false). */
  default boolean inManagedTransaction(java.sql.Connection connection) {
    return false;
  }

  /** A Quarry transaction joined to the owner's transaction on {@code connection} was rolled back. */
  default void markRollbackOnly(java.sql.Connection connection) {}

  /**
   * Runs {@code action} once the owner's transaction on {@code connection} has committed: Quarry
   * hands over, at the commit of a joined transaction (which commits nothing itself), what was to
   * run after the commit ({@link Connection#afterCommit}, {@link EngineListener#changesCommitted}).
   * A provider whose owner commits later should run it when the owner's transaction commits and drop
   * it when it rolls back. The default runs it at once, which is early: before the owner commits, and
   * even if it then rolls back.
   */
  default void afterCommit(java.sql.Connection connection, Runnable action) {
    action.run();
  }

  /** The state of the owner's pool, for {@link Engine#poolStatus()}; default all zero (unknown). */
  default PoolStatus poolStatus() {
    return new PoolStatus(0, 0, 0, 0);
  }
}
