package dev.quarry.orm;

/**
 * Session events (SQLAlchemy's {@code before_flush}, {@code after_flush}, {@code before_commit},
 * {@code after_commit}, {@code after_rollback}). Register on the factory for every session or on
 * one session; every method has an empty default.
 */
public interface SessionListener {
  /** Before a flush computes its changes; objects added or changed here are flushed too. */
  default void beforeFlush(Session session) {}

  /** After a flush wrote {@code changes}, still inside the transaction. */
  default void afterFlush(Session session, FlushChanges changes) {}

  /** Before the transaction commits (after the final flush). */
  default void beforeCommit(Session session) {}

  /** After the transaction committed. */
  default void afterCommit(Session session) {}

  /** After the transaction rolled back (explicitly or because a flush failed). */
  default void afterRollback(Session session) {}
}
