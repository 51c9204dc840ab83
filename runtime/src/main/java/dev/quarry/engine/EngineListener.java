package dev.quarry.engine;

import dev.quarry.types.Vendor;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Engine events (SQLAlchemy's {@code connect}, {@code before_cursor_execute} and
 * {@code after_cursor_execute}). Methods run on the thread that causes the event — for
 * {@link #onConnect}, possibly a pool thread — so implementations must be thread-safe. An
 * exception thrown by a listener propagates to the caller (from {@code beforeExecute} it
 * prevents the execution).
 */
public interface EngineListener {
  /**
   * A new physical connection was opened (not each time one is borrowed from the pool). Runs
   * after Quarry's own set-up (SQLite {@code PRAGMA foreign_keys=ON}); use it for session settings.
   * On PostgreSQL it runs again, on the pooled connection, after the engine reset a session a
   * caller changed ({@code DISCARD ALL}, see {@link Connection#markSessionChanged()}).
   */
  default void onConnect(java.sql.Connection connection, Vendor vendor) throws SQLException {}

  /** A statement (or batch, with the first row's parameters) is about to execute. */
  default void beforeExecute(String sql, List<Parameter> parameters) {}

  /** A statement finished executing, successfully or not. */
  default void afterExecute(ExecutionEvent event) {}

  /**
   * Statements run through the engine changed rows of {@code tables} (their {@link
   * Executable#writes()}, possibly {@link Executable#ANY_TABLE}), and the change is committed:
   * called once per transaction, after its commit (or a commit whose outcome is unknown), with the
   * union of its statements' tables; right after the statement outside a transaction. Never for a
   * rolled-back transaction or a failed statement. In a transaction joined to a {@link
   * ConnectionProvider}'s owner, it runs when the provider's {@link ConnectionProvider#afterCommit}
   * runs it. All listeners are called even if one throws; the first exception then propagates.
   */
  default void changesCommitted(Set<String> tables) {}
}
