package dev.quarry.orm.internal;

import dev.quarry.engine.Engine;
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
  /** The factory engine's connection, or null. */
  private SessionConnection conn;
  /** Connections to bound engines ({@link dev.quarry.orm.SessionFactory.Builder#bind}), by engine; null until one opens. */
  private java.util.Map<Engine, SessionConnection> bound;
  private RuntimeException failure;
  /** Told when a connection is taken and given back (the stamp of what the transaction reads); may be null. */
  private final SessionCache cache;

  SessionTransaction(FactoryState factory, SessionStats stats, SessionCache cache) {
    this.factory = factory;
    this.stats = stats;
    this.cache = cache;
  }

  /**
   * The connection for statements about {@code mapping}'s rows (null: the factory engine's, for
   * Core statements and {@code Session.connection()}), beginning the transaction on first use.
   *
   * <p>The one seam where the session asks "which database holds this entity": every statement
   * the session sends — flush, loads, lazy loads, bulk statements, association rows, id
   * allocation — gets its connection here and nowhere else. An entity bound to another engine
   * ({@code SessionFactory.Builder.bind}, SQLAlchemy's {@code binds}) gets a connection of that
   * engine, in a transaction of its own that the session commits with the others.
   */
  SessionConnection connectionFor(dev.quarry.spi.EntityMapping<?> mapping) {
    Engine engine = mapping == null ? null : factory.bindOf(mapping);
    return engine == null ? connection() : boundConnection(engine);
  }

  /** The connection for a Core statement: the engine its tables are bound to, else the factory's. */
  SessionConnection connectionFor(dev.quarry.engine.Executable statement) {
    Engine engine = factory.bindOf(statement);
    return engine == null ? connection() : boundConnection(engine);
  }

  /** The open connection, beginning the transaction on first use. */
  private SessionConnection connection() {
    checkUsable();
    if (conn == null) {
      conn = open(factory.engine());
    }
    return conn;
  }

  private SessionConnection boundConnection(Engine engine) {
    checkUsable();
    if (bound == null) {
      bound = new java.util.HashMap<>(4);
    }
    SessionConnection c = bound.get(engine);
    if (c == null) {
      c = open(engine);
      bound.put(engine, c);
    }
    return c;
  }

  private SessionConnection open(Engine engine) {
    boolean first = !isOpen();
    TransactionOptions options = factory.isolation() == null ? TransactionOptions.DEFAULT
        : TransactionOptions.isolation(factory.isolation());
    SessionConnection c = new SessionConnection(engine.connect(), options, factory.readsOutsideTransaction(), stats,
        factory.statementListener(), factory.statementTimeout());
    if (first && cache != null) {
      cache.began(); // before the first statement: anything read is stamped no later than read
    }
    return c;
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
    return conn != null || bound != null && !bound.isEmpty();
  }

  /** The open connections in commit order: the factory's engine, then bound engines in the order they were bound. */
  private java.util.List<SessionConnection> takeAll() {
    java.util.List<SessionConnection> out = new java.util.ArrayList<>(1 + (bound == null ? 0 : bound.size()));
    if (conn != null) {
      out.add(conn);
      conn = null;
    }
    if (bound != null && !bound.isEmpty()) {
      for (Engine e : factory.boundEngines()) {
        SessionConnection c = bound.remove(e);
        if (c != null) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** A flush or commit failed: roll the database back now and refuse work until rollback(). */
  void fail(RuntimeException cause) {
    failure = cause;
    for (SessionConnection c : takeAll()) {
      try {
        c.rollback();
      } catch (RuntimeException suppressed) {
        cause.addSuppressed(suppressed);
      } finally {
        closeQuietly(c, cause);
      }
    }
    ended();
  }

  /**
   * Commits each open database in a fixed order. A failure of the first rolls back the rest and
   * throws it; a failure after one committed throws {@link PartialCommitException} naming them.
   */
  void commit() {
    java.util.List<SessionConnection> all = takeAll();
    int committed = 0;
    try {
      for (SessionConnection c : all) {
        try {
          c.commit();
        } catch (RuntimeException e) {
          for (int j = committed + 1; j < all.size(); j++) {
            try {
              all.get(j).rollback();
            } catch (RuntimeException suppressed) {
              e.addSuppressed(suppressed);
            }
          }
          if (committed == 0) {
            throw e;
          }
          java.util.List<String> names = new java.util.ArrayList<>();
          for (int j = 0; j < committed; j++) {
            names.add(name(all.get(j)));
          }
          throw new dev.quarry.orm.PartialCommitException(names, name(c), e);
        }
        committed++;
      }
    } finally {
      if (committed > 0 && cache != null) {
        cache.committed();
      }
      all.forEach(c -> closeQuietly(c, null));
      ended();
    }
  }

  /** How a database is named in errors: its engine's URL without parameters (which may hold secrets). */
  private static String name(SessionConnection c) {
    dev.quarry.engine.Engine engine = c.engineConnection().engine();
    String url = engine.url();
    if (url == null) {
      return engine.vendor().displayName() + " engine " + Integer.toHexString(System.identityHashCode(engine));
    }
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  void rollback() {
    failure = null;
    RuntimeException first = null;
    for (SessionConnection c : takeAll()) {
      try {
        c.rollback();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      } finally {
        closeQuietly(c, null);
      }
    }
    ended();
    if (first != null) {
      throw first;
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
    RuntimeException first = null;
    for (SessionConnection c : takeAll()) {
      try {
        if (c.wrote()) {
          c.rollback();
        } else {
          c.commit();
        }
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      } finally {
        closeQuietly(c, null);
      }
    }
    ended();
    if (first != null) {
      throw first;
    }
  }

  void clearFailure() {
    failure = null;
  }

  /** Every connection is given back: the transaction's reads can no longer be cached. */
  private void ended() {
    if (cache != null) {
      cache.ended();
    }
  }

  private void closeQuietly(SessionConnection c, RuntimeException cause) {
    try {
      c.close();
    } catch (RuntimeException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
  }
}
