package dev.quarry.orm;

/**
 * Session events (SQLAlchemy's {@code before_flush}, {@code after_flush}, {@code before_commit},
 * {@code after_commit}, {@code after_rollback}), and the session's opening, closing and flush
 * timing for metrics. Register on the factory for every session or on one session; every method
 * has an empty default.
 */
public interface SessionListener {
  /** The factory opened {@code session} (only listeners registered on the factory see this). */
  default void afterOpen(Session session) {}

  /** Before a flush computes its changes; objects added or changed here are flushed too. */
  default void beforeFlush(Session session) {}

  /** After a flush wrote {@code changes}, still inside the transaction. */
  default void afterFlush(Session session, FlushChanges changes) {}

  /**
   * Every flush that ran {@link #beforeFlush} ends here — after writing, after finding nothing to
   * write (no {@link #afterFlush} then), or failing — with its duration. Bulk statements, which
   * report to {@link #afterFlush} without a flush, do not.
   */
  default void flushFinished(Session session, FlushEvent event) {}

  /** Before the transaction commits (after the final flush). */
  default void beforeCommit(Session session) {}

  /** After the transaction committed. */
  default void afterCommit(Session session) {}

  /** After the transaction rolled back (explicitly or because a flush failed). */
  default void afterRollback(Session session) {}

  /**
   * After the session's first {@link Session#close()}, which gave its connection back. A session
   * used again after closing is not reported as opened again, nor its later closes.
   */
  default void afterClose(Session session) {}
}
