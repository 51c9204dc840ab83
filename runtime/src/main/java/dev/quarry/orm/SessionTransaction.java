package dev.quarry.orm;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database side of a session: the connection (taken on first use, given back at commit,
 * rollback and close) and the failed state that makes the session refuse work until rollback.
 */
final class SessionTransaction {
  private final SessionFactory factory;
  private final SessionStats stats;
  private SessionConnection conn;
  private RuntimeException failure;

  SessionTransaction(SessionFactory factory, SessionStats stats) {
    this.factory = factory;
    this.stats = stats;
  }

  /** The open connection, beginning the transaction on first use. */
  SessionConnection connection(SessionImpl session) {
    checkUsable();
    if (conn == null) {
      Connection jdbc = null;
      try {
        jdbc = factory.source().open();
        if (jdbc.getAutoCommit()) {
          jdbc.setAutoCommit(false);
        }
        Integer isolation = factory.isolation();
        if (isolation != null) {
          jdbc.setTransactionIsolation(isolation);
        }
        conn = new SessionConnection(jdbc, factory.source().vendor(), stats, factory.statementListener());
      } catch (SQLException ex) {
        if (jdbc != null) {
          try {
            jdbc.close();
          } catch (SQLException suppressed) {
            ex.addSuppressed(suppressed);
          }
        }
        throw Errors.database(ex, "BEGIN");
      }
    }
    return conn;
  }

  void checkUsable() {
    if (failure != null) {
      throw new PendingRollbackException(failure);
    }
  }

  boolean usable() {
    return failure == null;
  }

  boolean failed() {
    return failure != null;
  }

  boolean isOpen() {
    return conn != null;
  }

  /** A flush or commit failed: roll the database back now and refuse work until rollback(). */
  void fail(RuntimeException cause) {
    failure = cause;
    if (conn != null) {
      try {
        conn.rollback();
      } catch (SQLException suppressed) {
        cause.addSuppressed(suppressed);
      } finally {
        release(cause);
      }
    }
  }

  void commit() throws SQLException {
    if (conn != null) {
      conn.commit();
      release(null);
    }
  }

  void rollback() throws SQLException {
    failure = null;
    if (conn != null) {
      try {
        conn.rollback();
      } finally {
        release(null);
      }
    }
  }

  void clearFailure() {
    failure = null;
  }

  private void release(RuntimeException cause) {
    SessionConnection c = conn;
    conn = null;
    try {
      c.close();
    } catch (SQLException ex) {
      if (cause != null) {
        cause.addSuppressed(ex);
      }
    }
  }
}
