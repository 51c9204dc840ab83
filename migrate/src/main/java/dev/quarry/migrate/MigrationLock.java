package dev.quarry.migrate;

import dev.quarry.engine.Connection;
import dev.quarry.engine.DatabaseException;
import dev.quarry.engine.Engine;
import dev.quarry.engine.Result;
import dev.quarry.engine.Row;
import dev.quarry.engine.Transaction;
import dev.quarry.sql.internal.Dialect;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The database's migration lock, held from the start of a run to its end (all revisions), on a
 * connection of its own so that the run's DDL and commits do not release it:
 * <ul>
 *   <li>PostgreSQL: a session-level advisory lock, polled with {@code pg_try_advisory_lock} so the
 *       wait is bounded by the timeout;
 *   <li>MariaDB/MySQL: {@code GET_LOCK}, which waits up to the timeout itself;
 *   <li>H2: the row of a one-row lock table, locked {@code FOR UPDATE} in a transaction left open,
 *       the session's {@code LOCK_TIMEOUT} bounding the wait;
 *   <li>SQLite: an OS lock on the file {@code <database file>.migrate-lock}, polled. A write
 *       transaction on a second connection would lock the migrator's own writes out, and SQLite has
 *       no named locks; an in-memory or temporary database is private to its engine and needs none.
 * </ul>
 */
abstract class MigrationLock implements AutoCloseable {
  static final String NAME = "quarry_migrate";
  private static final long POLL_MILLIS = 50;

  /** Releases the lock; never throws, so it can run in a finally after a failed run. */
  @Override
  public abstract void close();

  static MigrationLock acquire(Engine engine, Dialect dialect, String versionTable, Duration timeout) {
    if (dialect.migrationLockQuery(NAME, 0) != null) {
      return Named.take(engine, dialect, timeout);
    }
    if (!dialect.migrationLockTable(versionTable + "_lock").isEmpty()) {
      return TableRow.take(engine, dialect, versionTable + "_lock", timeout);
    }
    if (dialect.vendor() == dev.quarry.types.Vendor.SQLITE) {
      return SqliteFile.take(engine, timeout);
    }
    return new MigrationLock() {
      @Override
      public void close() {}
    };
  }

  static String database(Engine engine) {
    return engine.url() != null ? engine.url() : "the " + engine.vendor().displayName() + " database";
  }

  static MigrationLockException timedOut(Engine engine, String lock, Duration timeout) {
    return new MigrationLockException("could not take the migration lock of " + database(engine) + " (" + lock
        + ") within " + timeout.toMillis() + " ms: another migrator holds it; try again when it has finished,"
        + " or raise the lock timeout");
  }

  private static boolean truthy(Object value) {
    return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() == 1;
  }

  private static void pause(long deadline) {
    try {
      Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, deadline - System.currentTimeMillis())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException("interrupted while waiting for the migration lock", e);
    }
  }

  /** A named session lock (PostgreSQL advisory lock, MySQL GET_LOCK). */
  private static final class Named extends MigrationLock {
    private final Connection connection;
    private final Dialect dialect;

    private Named(Connection connection, Dialect dialect) {
      this.connection = connection;
      this.dialect = dialect;
    }

    static Named take(Engine engine, Dialect dialect, Duration timeout) {
      Connection c = engine.connect();
      // the session holds the lock: whatever happens, reset the session before the pool lends it again
      c.markSessionChanged();
      try {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        long seconds = dialect.migrationLockWaits() ? (timeout.toMillis() + 999) / 1000 : 0;
        while (true) {
          if (truthy(scalar(c, dialect.migrationLockQuery(NAME, seconds)))) {
            return new Named(c, dialect);
          }
          if (dialect.migrationLockWaits() || System.currentTimeMillis() >= deadline) {
            throw timedOut(engine, "lock " + NAME, timeout);
          }
          pause(deadline);
        }
      } catch (RuntimeException e) {
        c.close();
        throw e;
      }
    }

    private static Object scalar(Connection c, String sql) {
      try (Result r = c.execute(new RawStatement(sql))) {
        return r.scalar();
      }
    }

    @Override
    public void close() {
      try {
        scalar(connection, dialect.migrationUnlockQuery(NAME));
      } catch (RuntimeException e) {
        // the session is reset when it goes back to the pool, which releases the lock as well
      } finally {
        connection.close();
      }
    }
  }

  /** The row of a lock table, locked in a transaction left open for the run (H2). */
  private static final class TableRow extends MigrationLock {
    private final Connection connection;
    private final Transaction transaction;

    private TableRow(Connection connection, Transaction transaction) {
      this.connection = connection;
      this.transaction = transaction;
    }

    static TableRow take(Engine engine, Dialect dialect, String table, Duration timeout) {
      Connection c = engine.connect();
      try {
        c.executeUpdate(new RawStatement(dialect.lockWaitTimeout(timeout)));
        for (String sql : dialect.migrationLockTable(table)) {
          c.executeUpdate(new RawStatement(sql));
        }
        Transaction tx = c.begin();
        try {
          try (Result r = c.execute(new RawStatement(dialect.migrationLockRowQuery(table)))) {
            r.fetchAll();
          }
          return new TableRow(c, tx);
        } catch (DatabaseException e) {
          tx.rollback();
          MigrationLockException failure = timedOut(engine, "row of table " + table, timeout);
          failure.initCause(e);
          throw failure;
        }
      } catch (RuntimeException e) {
        c.close();
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        transaction.rollback();
      } catch (RuntimeException e) {
        // closing the connection ends the transaction too
      } finally {
        connection.close();
      }
    }
  }

  /** An OS file lock next to the SQLite database file, polled until the timeout. */
  private static final class SqliteFile extends MigrationLock {
    private final FileChannel channel;
    private final FileLock lock;

    private SqliteFile(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    static MigrationLock take(Engine engine, Duration timeout) {
      String file = engine.withConnection(c -> {
        try (Result r = c.execute(new RawStatement("PRAGMA database_list"))) {
          for (Row row : r.fetchAll()) {
            if ("main".equals(row.get(1))) {
              return row.get(2) == null ? "" : row.get(2).toString();
            }
          }
          return "";
        }
      });
      if (file.isEmpty()) {
        // in memory or temporary: no other engine can reach the database
        return new MigrationLock() {
          @Override
          public void close() {}
        };
      }
      Path path = Path.of(file + ".migrate-lock");
      long deadline = System.currentTimeMillis() + timeout.toMillis();
      FileChannel channel;
      try {
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new MigrationException("cannot open the migration lock file " + path + ": " + e.getMessage(), e);
      }
      try {
        while (true) {
          FileLock lock;
          try {
            lock = channel.tryLock();
          } catch (OverlappingFileLockException e) {
            lock = null; // another migrator of this JVM holds it
          }
          if (lock != null) {
            return new SqliteFile(channel, lock);
          }
          if (System.currentTimeMillis() >= deadline) {
            throw timedOut(engine, "file lock " + path, timeout);
          }
          pause(deadline);
        }
      } catch (IOException | RuntimeException e) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // nothing held
        }
        if (e instanceof RuntimeException re) {
          throw re;
        }
        throw new MigrationException("cannot lock the migration lock file " + path + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // closing the channel releases the lock; nothing else to do
      }
    }
  }
}
