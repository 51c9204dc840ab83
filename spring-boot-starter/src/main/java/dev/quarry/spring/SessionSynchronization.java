package dev.quarry.spring;

import dev.quarry.orm.Session;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.jdbc.datasource.ConnectionHolder;
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
  /** Per savepoint: whether the transaction was rollback-only when it was set. */
  private final Map<Object, Boolean> savepoints = new IdentityHashMap<>();

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

  @Override
  public void savepoint(Object savepoint) {
    // NESTED: what the session holds so far belongs before the savepoint, so that rolling back to
    // it undoes only the nested work.
    if (!readOnly && session.isActive()) {
      session.flush();
    }
    savepoints.put(savepoint, rollbackOnly());
  }

  @Override
  public void savepointRollback(Object savepoint) {
    // The database is back at the savepoint, but the session cannot tell which of its objects and
    // pending changes came after it: it forgets them all, and a failed flush inside the nested
    // scope no longer dooms the outer transaction.
    session.rollback();
    session.expungeAll();
    Boolean before = savepoints.remove(savepoint);
    if (Boolean.FALSE.equals(before)) {
      resetRollbackOnly();
    }
  }

  @Override
  public void afterCompletion(int status) {
    try {
      // Committed or rolled back by Spring: nothing of the session's is left to end in the database.
      session.close();
    } finally {
      if (TransactionSynchronizationManager.hasResource(key)) {
        TransactionSynchronizationManager.unbindResource(key);
      }
    }
  }

  private boolean rollbackOnly() {
    return TransactionSynchronizationManager.getResource(key.dataSource()) instanceof ConnectionHolder h
        && h.isRollbackOnly();
  }

  private void resetRollbackOnly() {
    if (TransactionSynchronizationManager.getResource(key.dataSource()) instanceof ConnectionHolder h) {
      h.resetRollbackOnly();
    }
  }
}
