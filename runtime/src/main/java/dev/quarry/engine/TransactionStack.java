package dev.quarry.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The transaction and savepoints open on one connection, innermost last, and the settings a
 * transaction changed (isolation, read-only) that its end gives back to the pooled connection.
 */
final class TransactionStack {
  private final java.sql.Connection jdbc;
  private final Driver driver;
  /** Translates a driver failure (and notes a dead connection) the way the connection does. */
  private final Function<SQLException, DatabaseException> failure;
  private final List<DefaultTransaction> open = new ArrayList<>();
  private int savepoints;
  private Integer isolationBefore;
  private boolean readOnlyChanged;
  /**
   * Non-null: the connection is in a transaction someone else owns (see {@link ConnectionProvider});
   * the outer transaction is joined to it, and this runs when it is rolled back.
   */
  private final Runnable joinedRollback;
  /** What waits for the outer transaction's commit. */
  private final CommitActions commitActions;

  TransactionStack(java.sql.Connection jdbc, Driver driver, Function<SQLException, DatabaseException> failure,
      Runnable joinedRollback, CommitActions commitActions) {
    this.jdbc = jdbc;
    this.driver = driver;
    this.failure = failure;
    this.joinedRollback = joinedRollback;
    this.commitActions = commitActions;
  }

  boolean isEmpty() {
    return open.isEmpty();
  }

  /** The outer transaction, or null. */
  DefaultTransaction outermost() {
    return open.isEmpty() ? null : open.get(0);
  }

  /** Starts the outer transaction: isolation and read-only as asked, autocommit off. */
  DefaultTransaction begin(DefaultConnection connection, TransactionOptions options, boolean readOnlyEngine,
      boolean ownsConnection) {
    if (joinedRollback != null) {
      // The owner began the transaction with its own isolation and read-only flag, and ends it.
      DefaultTransaction joined = new DefaultTransaction(connection, null, ownsConnection);
      open.add(joined);
      return joined;
    }
    try {
      if (options.isolation() != null) {
        isolationBefore = jdbc.getTransactionIsolation();
        jdbc.setTransactionIsolation(options.isolation().jdbcLevel());
      }
      if (options.readOnly() && !readOnlyEngine) {
        driver.setReadOnly(jdbc, true);
        readOnlyChanged = true;
      }
      jdbc.setAutoCommit(false);
    } catch (SQLException e) {
      restore(null);
      throw failure.apply(e);
    }
    DefaultTransaction tx = new DefaultTransaction(connection, null, ownsConnection);
    open.add(tx);
    return tx;
  }

  /** A savepoint inside the open transaction. */
  DefaultTransaction beginNested(DefaultConnection connection) {
    try {
      DefaultTransaction tx = new DefaultTransaction(connection, jdbc.setSavepoint("quarry_sp_" + (++savepoints)), false);
      open.add(tx);
      return tx;
    } catch (SQLException e) {
      throw failure.apply(e);
    }
  }

  /**
   * Commits or rolls back {@code tx} (a savepoint: releases or rolls back to it), ending the
   * savepoints inside it; the outer transaction's end restores the connection's settings and runs
   * (commit) or drops (rollback) its {@link CommitActions}. A lost connection during a commit is a
   * {@link CommitOutcomeUnknownException}, after which the actions run too: it may have committed.
   */
  void end(DefaultTransaction tx, boolean commit) {
    int index = open.indexOf(tx);
    for (int i = open.size() - 1; i > index; i--) {
      open.remove(i).markEnded(); // inner savepoints end with their outer transaction
    }
    open.remove(index);
    tx.markEnded();
    boolean outer = tx.savepoint() == null;
    if (outer && joinedRollback != null) {
      if (commit) {
        commitActions.committed(); // handed to the owner, whose commit is the one that counts
      } else {
        commitActions.rolledBack();
        joinedRollback.run(); // the owner rolls back at its end; a JDBC rollback here would let its later work commit
      }
      return;
    }
    SQLException failed = null;
    boolean committed = false;
    try {
      if (outer) {
        if (commit) {
          jdbc.commit();
          committed = true;
        } else {
          jdbc.rollback();
        }
      } else if (commit) {
        jdbc.releaseSavepoint(tx.savepoint());
      } else {
        jdbc.rollback(tx.savepoint());
        jdbc.releaseSavepoint(tx.savepoint());
      }
    } catch (SQLException e) {
      failed = e;
      if (outer && commit) {
        try {
          jdbc.rollback(); // a failed commit leaves nothing to keep
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
    }
    if (!outer) {
      if (failed != null) {
        throw failure.apply(failed);
      }
      return; // a savepoint's end: what waits for the commit keeps waiting, even after its rollback (conservative)
    }
    RuntimeException thrown = null;
    try {
      restore(failed);
      if (failed != null) {
        DatabaseException translated = failure.apply(failed);
        thrown = commit && translated instanceof ConnectionLostException lost
            ? new CommitOutcomeUnknownException(lost) : translated;
      }
    } catch (RuntimeException e) {
      thrown = e; // restoring the settings failed after a clean end
    }
    endOuter(committed || thrown instanceof CommitOutcomeUnknownException, thrown);
  }

  /** After the outer transaction's end: runs what waited for its commit (or drops it), then throws {@code thrown}. */
  private void endOuter(boolean mayHaveCommitted, RuntimeException thrown) {
    if (!mayHaveCommitted) {
      commitActions.rolledBack();
    } else {
      try {
        commitActions.committed();
      } catch (RuntimeException | Error e) {
        if (thrown == null) {
          throw e;
        }
        thrown.addSuppressed(e);
      }
    }
    if (thrown != null) {
      throw thrown;
    }
  }

  private void restore(SQLException failed) {
    try {
      jdbc.setAutoCommit(true);
      if (readOnlyChanged) {
        readOnlyChanged = false;
        driver.setReadOnly(jdbc, false);
      }
      if (isolationBefore != null) {
        int level = isolationBefore;
        isolationBefore = null;
        jdbc.setTransactionIsolation(level);
      }
    } catch (SQLException e) {
      if (failed != null) {
        failed.addSuppressed(e);
      } else {
        throw failure.apply(e);
      }
    }
  }
}
