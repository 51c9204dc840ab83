package dev.quarry.spring;

import dev.quarry.orm.Session;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ties one Quarry session to one Spring transaction: unbound while the transaction is suspended
 * (REQUIRES_NEW, NOT_SUPPORTED get a session of their own), flushed before commit and before a
 * savepoint, reset after a rollback to a savepoint, closed at completion. The session's
 * transaction is joined to Spring's (see {@code ConnectionProvider}): it never commits or rolls
 * back the connection itself.
 */
final class SessionSynchronization implements TransactionSynchronization {
  private final QuarrySessions key;
  private final Session session;
  private final boolean readOnly;

  SessionSynchronization(QuarrySessions key, Session session, boolean readOnly) {
    this.key = key;
    this.session = session;
    this.readOnly = readOnly;
  }

  Session session() {
    return session;
  }

  @Override
  public int getOrder() {
    // Before DataSourceUtils' own synchronization, which may release the connection at completion.
    return DataSourceUtils.CONNECTION_SYNCHRONIZATION_ORDER - 100;
  }

  @Override
  public void suspend() {
    TransactionSynchronizationManager.unbindResource(key);
  }

  @Override
  public void resume() {
    TransactionSynchronizationManager.bindResource(key, this);
  }

  @Override
  public void flush() {
    session.flush();
  }

  @Override
  public void beforeCommit(boolean transactionReadOnly) {
    // Spring commits the connection next; a read-only transaction never writes what was changed in it.
    if (!readOnly && !transactionReadOnly && session.isActive()) {
      session.flush();
    }
  }

  /**
   * Before Spring sets a NESTED scope's savepoint ({@link SavepointFlushListener}): what the
   * session holds so far belongs before it, so that rolling back to it undoes only the nested work.
   * Spring's own {@link #savepoint} callback comes after the savepoint, too late for this.
   */
  void beforeSavepoint() {
    if (!readOnly && session.isActive()) {
      session.flush();
    }
  }

  @Override
  public void savepointRollback(Object savepoint) {
    // The database goes back to the savepoint, but the session cannot tell which of its objects
    // and pending changes came after it: it forgets them all. A failed flush's rollback-only mark
    // is cleared by Spring itself (JdbcTransactionObjectSupport.rollbackToSavepoint).
    if (!session.isActive()) {
      session.rollback(); // a failed flush: the joined rollback touches no connection
    }
    session.expungeAll();
  }

  @Override
  public void afterCompletion(int status) {
    try {
      // Spring has ended the transaction; the session's joined one ends without touching the
      // connection. Committed: objects keep their ids (and expire, with expireOnCommit) — unless
      // something changed after beforeCommit's flush, which must not be written now. Otherwise
      // they are restored as after a rollback.
      if (status == STATUS_COMMITTED && !readOnly && session.isActive() && !session.isModified()) {
        session.commit();
      } else {
        session.rollback();
      }
    } finally {
      try {
        session.close();
      } finally {
        if (TransactionSynchronizationManager.hasResource(key)) {
          TransactionSynchronizationManager.unbindResource(key);
        }
      }
    }
  }
}
