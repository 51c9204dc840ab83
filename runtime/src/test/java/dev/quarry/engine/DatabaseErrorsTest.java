package dev.quarry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
import dev.quarry.testing.TestDatabase;
import dev.quarry.testing.TestDatabase.Kind;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Each kind of database error, produced for real on every database that can produce it. */
class DatabaseErrorsTest {
  /** Named table constraints: MariaDB has no named column constraints and ignores a column's REFERENCES. */
  private static void schema(TestDatabase db) {
    db.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)",
        "CREATE TABLE child (id INTEGER PRIMARY KEY, email VARCHAR(5), name VARCHAR(20) NOT NULL, age INTEGER,"
            + " parent_id INTEGER, CONSTRAINT uq_email UNIQUE (email), CONSTRAINT age_pos CHECK (age > 0),"
            + " CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id))",
        "INSERT INTO parent (id) VALUES (1)");
  }

  private static RawSql child(int id, String email, String name, Integer age, Integer parent) {
    return RawSql.of("INSERT INTO child (id, email, name, age, parent_id) VALUES (?, ?, ?, ?, ?)")
        .bind("id", id).bind("email", email, SqlTypes.varchar(5)).bind("name", name, SqlTypes.varchar(20))
        .bind("age", age, SqlTypes.INTEGER).bind("parent_id", parent, SqlTypes.INTEGER);
  }

  private static <E extends Throwable> E fails(TestDatabase db, Class<E> type, Executable statement) {
    return assertThrows(type, () -> db.engine().useConnection(c -> c.executeUpdate(statement)));
  }

  private static void assertName(String expected, String actual) {
    assertTrue(expected.equalsIgnoreCase(actual), "expected " + expected + " but was " + actual);
  }

  @AllDatabases
  void uniqueViolation(TestDatabase db) {
    schema(db);
    db.engine().useConnection(c -> c.executeUpdate(child(1, "a@b", "ann", 1, 1)));
    UniqueViolationException e = fails(db, UniqueViolationException.class, child(2, "a@b", "bob", 1, 1));
    if (db.vendor() == Vendor.MARIADB) {
      assertNull(e.column(), "MariaDB names the key, not its columns: " + e.getMessage());
    } else {
      assertName("email", e.column());
    }
    if (db.vendor() == Vendor.SQLITE) {
      assertNull(e.constraintName(), "SQLite does not name unique constraints");
      assertName("child", e.table());
    } else {
      assertName("uq_email", e.constraintName());
    }
    if (db.vendor() == Vendor.H2) {
      assertName("child", e.table());
    }
    assertTrue(e.getMessage().contains("INSERT INTO child (id, email, name, age, parent_id) VALUES (?, ?, ?, ?, ?)"));
    assertTrue(e.getMessage().contains("email='a@b'"), e.getMessage());
    assertEquals(db.vendor(), e.vendor());
    assertEquals(5, e.parameters().size());
    assertFalse(e.isRetryable());
    assertInstanceOf(IntegrityViolationException.class, e);
    if (db.vendor() == Vendor.MARIADB) {
      assertEquals("23000", e.sqlState(), "MariaDB's one state for every integrity violation");
      assertEquals(1062, e.vendorCode());
    } else if (db.vendor() != Vendor.SQLITE) {
      assertEquals("23505", e.sqlState());
    }
  }

  @AllDatabases
  void primaryKeyViolationIsAUniqueViolation(TestDatabase db) {
    schema(db);
    UniqueViolationException e = fails(db, UniqueViolationException.class, RawSql.of("INSERT INTO parent (id) VALUES (?)", 1));
    if (db.vendor() == Vendor.MARIADB) {
      assertEquals("PRIMARY", e.constraintName(), "MariaDB names the key, not its columns: " + e.getMessage());
      assertNull(e.column());
    } else {
      assertName("id", e.column());
    }
  }

  @AllDatabases
  void foreignKeyViolation(TestDatabase db) {
    schema(db);
    ForeignKeyViolationException e = fails(db, ForeignKeyViolationException.class, child(1, "x", "ann", 1, 99));
    if (db.vendor() != Vendor.SQLITE) {
      assertName("fk_parent", e.constraintName());
      assertName("parent_id", e.column());
      assertName("child", e.table());
    }
    db.engine().useConnection(c -> c.executeUpdate(child(1, "x", "ann", 1, 1)));
    fails(db, ForeignKeyViolationException.class, RawSql.of("DELETE FROM parent"));
  }

  @AllDatabases
  void notNullViolation(TestDatabase db) {
    schema(db);
    NotNullViolationException e = fails(db, NotNullViolationException.class, child(1, "x", null, 1, 1));
    assertName("name", e.column());
    if (db.vendor() != Vendor.H2 && db.vendor() != Vendor.MARIADB) {
      assertName("child", e.table()); // H2 and MariaDB name only the column
    }
  }

  @AllDatabases
  void checkViolation(TestDatabase db) {
    schema(db);
    CheckViolationException e = fails(db, CheckViolationException.class, child(1, "x", "ann", -1, 1));
    assertName("age_pos", e.constraintName());
  }

  @AllDatabases({Kind.H2, Kind.POSTGRES, Kind.MARIADB})
  void valueTooLong(TestDatabase db) {
    // SQLite does not enforce VARCHAR lengths.
    schema(db);
    ValueTooLongException e = fails(db, ValueTooLongException.class, child(1, "abcdefgh", "ann", 1, 1));
    assertEquals("22001", e.sqlState());
    assertInstanceOf(DataException.class, e);
  }

  @AllDatabases
  void invalidValue(TestDatabase db) {
    if (db.vendor() == Vendor.SQLITE) {
      // SQLite converts freely, except in STRICT tables.
      db.execute("CREATE TABLE strict_t (n INTEGER) STRICT");
      fails(db, DataException.class, RawSql.of("INSERT INTO strict_t (n) VALUES (?)", "abc"));
    } else if (db.vendor() == Vendor.MARIADB) {
      // MariaDB's CAST('abc' AS INTEGER) is 0 with a warning; strict mode refuses the value when it is stored.
      db.execute("CREATE TABLE strict_t (n INTEGER)");
      DataException e = fails(db, DataException.class, RawSql.of("INSERT INTO strict_t (n) VALUES (?)", "abc"));
      assertEquals("22007", e.sqlState());
    } else {
      DataException e = assertThrows(DataException.class, () -> db.engine().useConnection(c ->
          c.execute(RawSql.of("SELECT CAST(? AS INTEGER)", "abc")).scalar()));
      assertTrue(e.sqlState().startsWith("22"), e.sqlState());
    }
  }

  @AllDatabases
  void programmingErrors(TestDatabase db) {
    fails(db, ProgrammingException.class, RawSql.of("SELEC 1"));
    ProgrammingException e = fails(db, ProgrammingException.class, RawSql.of("SELECT * FROM no_such_table"));
    assertTrue(e.getMessage().toLowerCase().contains("no_such_table"), e.getMessage());
    assertEquals("SELECT * FROM no_such_table", e.sql());
  }

  @AllDatabases
  void queryTimeout(TestDatabase db) {
    RawSql slow = RawSql.of(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) SELECT COUNT(*) FROM c")
        .on(Vendor.POSTGRESQL, "SELECT pg_sleep(10)")
        .on(Vendor.MARIADB, "SELECT SLEEP(10)") // its recursive CTEs stop after max_recursive_iterations (1000)
        .on(Vendor.H2, "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b");
    long start = System.nanoTime();
    QueryTimeoutException e = assertThrows(QueryTimeoutException.class, () -> db.engine().useConnection(c ->
        c.execute(slow, ExecutionOptions.timeout(Duration.ofMillis(300))).scalar()));
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "cancelled, not run to completion");
    assertTrue(e.getMessage().contains("SQL: "), e.getMessage());
    // the connection is still usable
    assertEquals(1L, db.engine().<Long>withConnection(c -> c.execute(RawSql.of("SELECT 1")).scalar(SqlTypes.BIGINT)));
  }

  @AllDatabases
  void lockTimeout(TestDatabase db) {
    schema(db);
    try (Connection holder = db.engine().connect(); Connection waiter = db.engine().connect()) {
      holder.begin();
      holder.executeUpdate(RawSql.of("UPDATE parent SET id = 1 WHERE id = 1"));
      RawSql blocked = RawSql.of("UPDATE parent SET id = 1 WHERE id = 1");
      switch (db.vendor()) {
        case SQLITE:
          waiter.executeUpdate(RawSql.of("PRAGMA busy_timeout = 50"));
          break;
        case H2:
          waiter.executeUpdate(RawSql.of("SET LOCK_TIMEOUT 50"));
          break;
        default:
          blocked = RawSql.of("SELECT id FROM parent WHERE id = 1 FOR UPDATE NOWAIT");
          waiter.begin();
      }
      RawSql statement = blocked;
      LockTimeoutException e = assertThrows(LockTimeoutException.class, () -> waiter.execute(statement).fetchAll());
      // SQLite's busy database is worth retrying (the other writer finishes); a lock wait elsewhere is not
      assertEquals(db.vendor() == dev.quarry.types.Vendor.SQLITE, e instanceof DatabaseBusyException);
      assertEquals(db.vendor() == dev.quarry.types.Vendor.SQLITE, e.isRetryable());
    }
  }

  @AllDatabases
  void serializationFailureIsRetryable(TestDatabase db) {
    schema(db);
    if (db.vendor() == Vendor.SQLITE) {
      db.execute("PRAGMA journal_mode = WAL");
    }
    try (Connection first = db.engine().connect(); Connection second = db.engine().connect()) {
      IsolationLevel level = db.vendor() == Vendor.SQLITE ? IsolationLevel.SERIALIZABLE : IsolationLevel.REPEATABLE_READ;
      if (db.vendor() == Vendor.MARIADB) {
        // InnoDB's REPEATABLE READ detects the conflict only with snapshot isolation (off by default before 11.8)
        second.executeUpdate(RawSql.of("SET SESSION innodb_snapshot_isolation = ON"));
      }
      second.begin(TransactionOptions.isolation(level));
      second.execute(RawSql.of("SELECT COUNT(*) FROM parent")).scalar(); // takes the snapshot
      first.executeUpdate(RawSql.of("UPDATE parent SET id = 2 WHERE id = 1"));
      TransactionRollbackException e = assertThrows(TransactionRollbackException.class,
          () -> second.executeUpdate(RawSql.of("UPDATE parent SET id = 3 WHERE id = 1")));
      assertTrue(e.isRetryable());
      if (db.vendor() != Vendor.H2) {
        // H2 reports this write conflict with its deadlock error
        assertInstanceOf(SerializationFailureException.class, e);
      }
    }
  }

  @AllDatabases({Kind.H2, Kind.POSTGRES, Kind.MARIADB})
  void deadlockIsRetryable(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE acct (id INTEGER PRIMARY KEY, balance INTEGER)", "INSERT INTO acct VALUES (1, 0)",
        "INSERT INTO acct VALUES (2, 0)");
    try (Connection a = db.engine().connect(); Connection b = db.engine().connect()) {
      for (Connection c : List.of(a, b)) {
        if (db.vendor() == Vendor.H2) {
          c.executeUpdate(RawSql.of("SET LOCK_TIMEOUT 10000"));
        } else if (db.vendor() == Vendor.POSTGRESQL) {
          c.executeUpdate(RawSql.of("SET deadlock_timeout = '100ms'"));
        } // InnoDB detects a deadlock as soon as the cycle closes
        c.begin();
      }
      a.executeUpdate(RawSql.of("UPDATE acct SET balance = 1 WHERE id = 1"));
      b.executeUpdate(RawSql.of("UPDATE acct SET balance = 1 WHERE id = 2"));
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<Void> aWaits = CompletableFuture.runAsync(() -> {
        started.countDown();
        a.executeUpdate(RawSql.of("UPDATE acct SET balance = 2 WHERE id = 2"));
      });
      started.await();
      Thread.sleep(200);
      Throwable failure = null;
      try {
        b.executeUpdate(RawSql.of("UPDATE acct SET balance = 2 WHERE id = 1"));
      } catch (DatabaseException e) {
        failure = e;
        b.jdbc().rollback(); // let a finish
      }
      try {
        aWaits.get(20, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        failure = e.getCause();
      }
      DeadlockException deadlock = assertInstanceOf(DeadlockException.class, failure);
      assertTrue(deadlock.isRetryable());
    }
  }

  @AllDatabases({Kind.H2, Kind.POSTGRES, Kind.MARIADB})
  void connectionLost(TestDatabase db) {
    // SQLite runs in-process: there is no connection to lose.
    try (Connection victim = db.engine().connect()) {
      Object id = victim.execute(RawSql.of("SELECT pg_backend_pid()").on(Vendor.H2, "SELECT SESSION_ID()")
          .on(Vendor.MARIADB, "SELECT CONNECTION_ID()")).scalar();
      if (db.vendor() == Vendor.MARIADB) {
        db.engine().useConnection(killer -> killer.executeUpdate(RawSql.of("KILL CONNECTION " + id)));
      } else {
        db.engine().useConnection(killer -> killer.execute(RawSql.of(db.vendor() == Vendor.H2
            ? "SELECT ABORT_SESSION(?)" : "SELECT pg_terminate_backend(?)", id)).scalar());
      }
      assertThrows(ConnectionLostException.class, () -> victim.execute(RawSql.of("SELECT 1")).scalar());
    }
    // the pool discards the dead connection; the engine keeps working
    assertEquals(1L, db.engine().<Long>withConnection(c -> c.execute(RawSql.of("SELECT 1")).scalar(SqlTypes.BIGINT)));
  }

  @AllDatabases({Kind.POSTGRES})
  void abortedPostgresTransactionSaysWhatToDo(TestDatabase db) {
    schema(db);
    try (Connection c = db.engine().connect()) {
      c.begin();
      assertThrows(UniqueViolationException.class, () -> c.executeUpdate(RawSql.of("INSERT INTO parent (id) VALUES (1)")));
      DatabaseException e = assertThrows(DatabaseException.class, () -> c.execute(RawSql.of("SELECT 1")).scalar());
      assertEquals("25P02", e.sqlState());
      assertTrue(e.getMessage().contains("nested transaction (savepoint)"), e.getMessage());
    }
  }

  @AllDatabases
  void secretValuesAreElided(TestDatabase db) {
    db.execute("CREATE TABLE creds (id INTEGER PRIMARY KEY, api_key VARCHAR(40) UNIQUE)");
    RawSql insert = RawSql.of("INSERT INTO creds (id, api_key) VALUES (?, ?)").bind("id", 1).bind("api_key", "sk-live-123456");
    db.engine().useConnection(c -> c.executeUpdate(insert));
    UniqueViolationException e = fails(db, UniqueViolationException.class,
        RawSql.of("INSERT INTO creds (id, api_key) VALUES (?, ?)").bind("id", 2).bind("api_key", "sk-live-123456"));
    assertTrue(e.getMessage().contains("api_key=<elided>"), e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains("sk-live-123456"), t.getMessage());
    }
    assertEquals("sk-live-123456", e.parameters().get(1).value(), "the exception still carries the parameters");
  }
}
