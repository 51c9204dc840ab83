package dev.quarry.orm.internal;

import dev.quarry.engine.TransactionOptions;
import dev.quarry.orm.PendingRollbackException;
import dev.quarry.orm.Session;


/**
 * The database side of a session: the engine transaction (begun on first use, ended at commit,
 * rollback and close, which give the connection back) and the failed state that makes the
 * session refuse work until rollback.
 */
final class SessionTransaction {
  private final FactoryState factory;
  private final SessionStats stats;
  private SessionConnection conn;
  private RuntimeException failure;
  /** Told when a connection is taken and given back (the stamp of what the transaction reads); may be null. */
  private final SessionCache cache;

  SessionTransaction(FactoryState factory, SessionStats stats, SessionCache cache) {
    this.factory = factory;
    this.stats = stats;
    this.cache = cache;
  }

  /**
   * The connection for statements about {@code mapping}'s rows (null: the session's own, for Core
   * statements and {@code Session.connection()}), beginning the transaction on first use.
   *
   * <p>The one seam where the session asks "which database holds this entity": every statement
   * the session sends — flush, loads, lazy loads, bulk statements, association rows, id
   * allocation — gets its connection here and nowhere else. Several databases per session (a bind
   * per mapping), horizontal shards (a bind per identity) and async sessions plug in here; today
   * every mapping shares the one connection of the session's transaction.
   */
  SessionConnection connectionFor(dev.quarry.spi.EntityMapping<?> mapping) {
    return connection();
  }

  /** The open connection, beginning the transaction on first use. */
  private SessionConnection connection() {
    checkUsable();
    if (conn == null) {
      TransactionOptions options = factory.isolation() == null ? TransactionOptions.DEFAULT
          : TransactionOptions.isolation(factory.isolation());
      conn = new SessionConnection(factory.engine().connect(), options, factory.readsOutsideTransaction(), stats,
          factory.statementListener(), factory.statementTimeout());
      if (cache != null) {
        cache.began(); // before the first statement: anything read is stamped no later than read
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
      SessionConnection c = conn;
      conn = null;
      try {
        c.rollback();
      } catch (RuntimeException suppressed) {
        cause.addSuppressed(suppressed);
      } finally {
        closeQuietly(c, cause);
      }
    }
  }

  void commit() {
    if (conn != null) {
      SessionConnection c = conn;
      c.commit();
      conn = null;
      closeQuietly(c, null);
    }
  }

  void rollback() {
    failure = null;
    if (conn != null) {
      SessionConnection c = conn;
      conn = null;
      try {
        c.rollback();
      } finally {
        closeQuietly(c, null);
      }
    }
  }

  /**
   * Ends the transaction when the session closes: rolled back if anything was written, committed
   * if the session only read. Both leave the database as it was, but a rollback makes H2 discard
   * the connection's parsed statements and costs PostgreSQL the same round trip, so read-only
   * sessions end the cheap way.
   */
  void close() {
    failure = null;
    if (conn != null) {
      SessionConnection c = conn;
      conn = null;
      try {
        if (c.wrote()) {
          c.rollback();
        } else {
          c.commit();
        }
      } finally {
        closeQuietly(c, null);
      }
    }
  }

  void clearFailure() {
    failure = null;
  }

  private void closeQuietly(SessionConnection c, RuntimeException cause) {
    if (cache != null) {
      cache.ended();
    }
    try {
      c.close();
    } catch (RuntimeException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
  }
}
