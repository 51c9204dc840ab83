package dev.quarry.spring;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Flushes the Quarry session before Spring sets the savepoint of a NESTED scope, so that the
 * outer scope's pending changes are written before the savepoint and survive a rollback to it.
 * Spring calls {@code beforeBegin} before it creates the savepoint; the synchronization's
 * {@code savepoint} callback only after.
 */
public final class SavepointFlushListener implements TransactionExecutionListener {
  private final QuarrySessions sessions;

  SavepointFlushListener(QuarrySessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void beforeBegin(TransactionExecution transaction) {
    if (transaction.isNested()) {
      sessions.beforeSavepoint();
    }
  }
}
