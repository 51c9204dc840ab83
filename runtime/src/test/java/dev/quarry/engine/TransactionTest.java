package dev.quarry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.sql.SQLException;

class TransactionTest {
  private static void setUp(TestDatabase db) {
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50))");
  }

  private static long count(Connectable c) {
    return c.withConnection(conn -> conn.execute(RawSql.of("SELECT COUNT(*) FROM t")).scalar(SqlTypes.BIGINT));
  }

  private static RawSql insert(int id) {
    return RawSql.of("INSERT INTO t (id, name) VALUES (?, ?)", id, "n" + id);
  }

  @AllDatabases
  void inTransactionCommitsOnSuccess(TestDatabase db) {
    setUp(db);
    long rows = db.engine().inTransaction(c -> c.executeUpdate(insert(1)) + c.executeUpdate(insert(2)));
    assertEquals(2, rows);
    assertEquals(2, count(db.engine()));
  }

  @AllDatabases
  void inTransactionRollsBackAndRethrows(TestDatabase db) {
    setUp(db);
    IllegalStateException boom = new IllegalStateException("boom");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.engine().runInTransaction(c -> {
      c.executeUpdate(insert(1));
      throw boom;
    }));
    assertSame(boom, thrown);
    assertEquals(0, count(db.engine()));
  }

  @AllDatabases
  void databaseErrorRollsBackTheWholeTransaction(TestDatabase db) {
    setUp(db);
    assertThrows(UniqueViolationException.class, () -> db.engine().runInTransaction(c -> {
      c.executeUpdate(insert(1));
      c.executeUpdate(insert(1));
    }));
    assertEquals(0, count(db.engine()));
  }

  @AllDatabases
  void manualBeginCommitAndRollback(TestDatabase db) throws SQLException {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      assertTrue(c.jdbc().getAutoCommit());
      Transaction tx = c.begin();
      assertTrue(c.isInTransaction());
      assertFalse(c.jdbc().getAutoCommit());
      c.executeUpdate(insert(1));
      tx.commit();
      assertFalse(tx.isActive());
      assertFalse(c.isInTransaction());
      assertTrue(c.jdbc().getAutoCommit(), "autocommit is back on after the transaction");

      Transaction tx2 = c.begin();
      c.executeUpdate(insert(2));
      assertEquals(2, count(c));
      tx2.rollback();
      assertEquals(1, count(c));
      assertThrows(IllegalStateException.class, tx2::commit);
    }
  }

  @AllDatabases
  void closingWithoutCommitRollsBack(TestDatabase db) {
    setUp(db);
    try (Transaction tx = db.engine().begin()) {
      tx.connection().executeUpdate(insert(1));
    }
    assertEquals(0, count(db.engine()));
    try (Connection c = db.engine().connect()) {
      c.begin();
      c.executeUpdate(insert(2));
    } // closing the connection rolls back its transaction
    assertEquals(0, count(db.engine()));
    assertEquals(0, db.engine().poolStatus().active(), "engine.begin() returned its connection");
  }

  @AllDatabases
  void engineBeginReturnsTheConnectionWhenTheTransactionEnds(TestDatabase db) {
    setUp(db);
    Transaction tx = db.engine().begin();
    tx.connection().executeUpdate(insert(1));
    assertEquals(1, db.engine().poolStatus().active());
    tx.commit();
    assertTrue(tx.connection().isClosed());
    assertEquals(0, db.engine().poolStatus().active());
    tx.close(); // harmless after commit
    assertEquals(1, count(db.engine()));
    Transaction rolledBack = db.engine().begin(TransactionOptions.DEFAULT);
    rolledBack.connection().executeUpdate(insert(2));
    rolledBack.rollback();
    assertEquals(0, db.engine().poolStatus().active());
    assertEquals(1, count(db.engine()));
  }

  @AllDatabases
  void autocommitOutsideTransactions(TestDatabase db) {
    setUp(db);
    try (Connection writer = db.engine().connect(); Connection reader = db.engine().connect()) {
      writer.executeUpdate(insert(1));
      assertEquals(1, count(reader), "visible to another connection without commit()");
    }
  }

  @AllDatabases
  void nestedSavepointRollsBackOnlyItsWork(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      Transaction outer = c.begin();
      c.executeUpdate(insert(1));
      Transaction inner = c.beginNested();
      assertTrue(inner.isNested());
      c.executeUpdate(insert(2));
      inner.rollback();
      Transaction inner2 = c.beginNested();
      c.executeUpdate(insert(3));
      inner2.commit();
      outer.commit();
    }
    assertEquals(2, count(db.engine()));
    assertEquals(java.util.List.of(1, 3), db.engine().withConnection(c ->
        c.execute(RawSql.of("SELECT id FROM t ORDER BY id")).map(r -> r.getInt(0))));
  }

  @AllDatabases
  void savepointRecoversFromAFailedStatement(TestDatabase db) {
    // PostgreSQL aborts the whole transaction on an error unless a savepoint isolates it.
    setUp(db);
    db.engine().runInTransaction(c -> {
      c.executeUpdate(insert(1));
      assertThrows(UniqueViolationException.class, () -> c.runInTransaction(nested -> nested.executeUpdate(insert(1))));
      c.executeUpdate(insert(2));
    });
    assertEquals(2, count(db.engine()));
  }

  @AllDatabases
  void outerRollbackDiscardsCommittedSavepoints(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      Transaction outer = c.begin();
      Transaction inner = c.beginNested();
      c.executeUpdate(insert(1));
      inner.commit();
      Transaction open = c.beginNested();
      c.executeUpdate(insert(2));
      outer.rollback();
      assertFalse(open.isActive(), "ending the outer transaction ends its savepoints");
    }
    assertEquals(0, count(db.engine()));
  }

  @AllDatabases
  void beginTwiceAndNestedWithoutOuterAreErrors(TestDatabase db) {
    try (Connection c = db.engine().connect()) {
      assertThrows(IllegalStateException.class, c::beginNested);
      c.begin();
      assertThrows(IllegalStateException.class, c::begin);
    }
  }

  @AllDatabases
  void isolationLevelPerTransactionIsAppliedAndRestored(TestDatabase db) throws SQLException {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      int before = c.jdbc().getTransactionIsolation();
      IsolationLevel wanted = db.vendor() == Vendor.SQLITE ? IsolationLevel.SERIALIZABLE : IsolationLevel.REPEATABLE_READ;
      if (before == wanted.jdbcLevel()) {
        wanted = IsolationLevel.SERIALIZABLE;
      }
      IsolationLevel level = wanted;
      c.inTransaction(TransactionOptions.isolation(level), conn -> {
        try {
          assertEquals(level.jdbcLevel(), conn.jdbc().getTransactionIsolation());
        } catch (SQLException e) {
          throw new AssertionError(e);
        }
        if (db.vendor() == Vendor.POSTGRESQL) {
          String shown = (String) conn.execute(RawSql.of("SHOW transaction_isolation")).scalar();
          assertEquals(level == IsolationLevel.SERIALIZABLE ? "serializable" : "repeatable read", shown);
        }
        return conn.executeUpdate(insert(1));
      });
      assertEquals(before, c.jdbc().getTransactionIsolation());
    }
  }

  @AllDatabases({TestDatabase.Kind.SQLITE, TestDatabase.Kind.POSTGRES, TestDatabase.Kind.MARIADB})
  void readOnlyTransactionRefusesWrites(TestDatabase db) {
    // H2 accepts the read-only flag but does not enforce it (documented on TransactionOptions).
    setUp(db);
    DatabaseException e = assertThrows(DatabaseException.class, () ->
        db.engine().runInTransaction(TransactionOptions.readOnlyTransaction(), c -> c.executeUpdate(insert(1))));
    assertTrue(e.getMessage().contains("INSERT INTO t"), e.getMessage());
    // the connection is writable again afterwards
    db.engine().useConnection(c -> assertEquals(1, c.executeUpdate(insert(2))));
    assertEquals(1, count(db.engine()));
  }

  @AllDatabases
  void connectableLendsTheConnectionInItsTransaction(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      c.begin();
      Connectable lender = c;
      lender.useConnection(same -> {
        assertSame(c, same);
        same.executeUpdate(insert(1));
      });
      assertEquals(1, count(lender));
      assertEquals(db.vendor(), lender.vendor());
    }
    assertEquals(0, count(db.engine()), "rolled back with the connection's transaction");
  }
}
