package dev.quarry.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Connection#afterCommit}: after the outer commit, in order, never after a rollback. */
class AfterCommitTest {
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  /** A statement that says it writes {@code t}, as the SQL layer's DML does. */
  private static Executable insert(int id) {
    RawSql raw = RawSql.of("INSERT INTO t (id) VALUES (?)", id);
    return new Executable() {
      @Override
      public CompiledStatement compile(Vendor vendor, IdentifierQuoting quoting) {
        return raw.compile(vendor, quoting);
      }

      @Override
      public Set<String> writes() {
        return Set.of("t");
      }
    };
  }

  private void setUp(TestDatabase db) {
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    db.engine().addListener(new EngineListener() {
      @Override
      public void changesCommitted(Set<String> tables) {
        log.add("changed " + tables);
      }
    });
  }

  private static long count(Connection c) {
    return c.execute(RawSql.of("SELECT COUNT(*) FROM t")).scalar(SqlTypes.BIGINT);
  }

  @AllDatabases
  void actionsRunAfterTheCommitInOrderAfterTheChangedTables(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      Transaction tx = c.begin();
      c.afterCommit(() -> log.add("a"));
      c.executeUpdate(insert(1));
      c.afterCommit(() -> log.add("b"));
      assertEquals(List.of(), log);
      tx.commit();
      assertEquals(List.of("changed [t]", "a", "b"), log);
      c.runInTransaction(cc -> cc.afterCommit(() -> log.add("c")));
      assertEquals(List.of("changed [t]", "a", "b", "c"), log, "each transaction runs its own once");
    }
  }

  @AllDatabases
  void withoutATransactionAnActionRunsAtOnce(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      c.afterCommit(() -> log.add("now"));
      assertEquals(List.of("now"), log);
    }
  }

  @AllDatabases
  void aRollbackDropsTheActionsASavepointRollbackKeepsThem(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      Transaction tx = c.begin();
      c.afterCommit(() -> log.add("dropped"));
      tx.rollback();
      c.begin();
      c.afterCommit(() -> log.add("dropped on close"));
    }
    try (Connection c = db.engine().connect()) {
      c.runInTransaction(outer -> {
        assertThrows(IllegalStateException.class, () -> c.runInTransaction(nested -> {
          c.executeUpdate(insert(1));
          c.afterCommit(() -> log.add("kept"));
          throw new IllegalStateException("savepoint rolled back");
        }));
        assertEquals(0, count(c));
      });
      assertEquals(List.of("changed [t]", "kept"), log, "conservative: the savepoint's actions and tables stay");
    }
  }

  @AllDatabases
  void aFailingActionDoesNotStopTheOthersAndTheFirstFailurePropagatesAfterTheCommit(TestDatabase db) {
    setUp(db);
    IllegalStateException first = new IllegalStateException("first");
    IllegalArgumentException second = new IllegalArgumentException("second");
    try (Connection c = db.engine().connect()) {
      Transaction tx = c.begin();
      c.executeUpdate(insert(1));
      c.afterCommit(() -> {
        throw first;
      });
      c.afterCommit(() -> log.add("ran"));
      c.afterCommit(() -> {
        throw second;
      });
      assertSame(first, assertThrows(IllegalStateException.class, tx::commit));
      assertArrayEquals(new Throwable[] {second}, first.getSuppressed());
      assertEquals(List.of("changed [t]", "ran"), log);
      assertFalse(c.isInTransaction());
      assertFalse(tx.isActive());
      assertEquals(1, count(c), "committed all the same");
    }
  }

  @AllDatabases
  void aFailingListenerDoesNotStopTheOtherListenersNorTheActions(TestDatabase db) {
    setUp(db);
    IllegalStateException boom = new IllegalStateException("listener");
    EngineListener failing = new EngineListener() {
      @Override
      public void changesCommitted(Set<String> tables) {
        throw boom;
      }
    };
    db.engine().addListener(failing);
    db.engine().addListener(new EngineListener() {
      @Override
      public void changesCommitted(Set<String> tables) {
        log.add("last listener " + tables);
      }
    });
    try (Connection c = db.engine().connect()) {
      Transaction tx = c.begin();
      c.executeUpdate(insert(1));
      c.afterCommit(() -> log.add("action"));
      assertSame(boom, assertThrows(IllegalStateException.class, tx::commit));
      assertEquals(List.of("changed [t]", "last listener [t]", "action"), log);
      log.clear();
      assertSame(boom, assertThrows(IllegalStateException.class, () -> c.executeUpdate(insert(2))),
          "outside a transaction the statement's caller hears of it");
      assertEquals(List.of("changed [t]", "last listener [t]"), log);
    } finally {
      db.engine().removeListener(failing);
    }
  }

  /** The connection is lost while COMMIT is in flight: it may have committed, so the actions run. */
  @Test
  void aCommitWhoseOutcomeIsUnknownRunsTheActions() throws SQLException {
    java.sql.Connection real = DriverManager.getConnection("jdbc:h2:mem:unknown_" + System.nanoTime());
    real.createStatement().execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    java.sql.Connection losesCommit = (java.sql.Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("commit")) {
            throw new SQLNonTransientConnectionException("connection reset", "08006");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    try (Engine engine = Engine.builder(new ConnectionProvider() {
      @Override
      public java.sql.Connection acquire() {
        return losesCommit;
      }

      @Override
      public void release(java.sql.Connection connection) {}
    }).listener(new EngineListener() {
      @Override
      public void changesCommitted(Set<String> tables) {
        log.add("changed " + tables);
      }
    }).build(); Connection c = engine.connect()) {
      Transaction tx = c.begin();
      c.executeUpdate(insert(1));
      c.afterCommit(() -> log.add("action"));
      assertThrows(CommitOutcomeUnknownException.class, tx::commit);
      assertEquals(List.of("changed [t]", "action"), log);
    } finally {
      real.close();
    }
  }

  /** A framework owns the transaction: what waits for the commit goes to the provider at Quarry's commit. */
  @Test
  void aJoinedTransactionHandsItsActionsToTheProvider() throws SQLException {
    java.sql.Connection framework = DriverManager.getConnection("jdbc:h2:mem:joined_" + System.nanoTime());
    framework.createStatement().execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    framework.setAutoCommit(false); // the framework's transaction
    List<Runnable> handed = new ArrayList<>();
    try (Engine engine = Engine.builder(new ConnectionProvider() {
      @Override
      public java.sql.Connection acquire() {
        return framework;
      }

      @Override
      public void release(java.sql.Connection connection) {}

      @Override
      public boolean inManagedTransaction(java.sql.Connection connection) {
        return true;
      }

      @Override
      public void afterCommit(java.sql.Connection connection, Runnable action) {
        assertSame(framework, connection);
        handed.add(action);
      }
    }).listener(new EngineListener() {
      @Override
      public void changesCommitted(Set<String> tables) {
        log.add("changed " + tables);
      }
    }).build()) {
      try (Connection c = engine.connect()) {
        Transaction tx = c.begin();
        c.executeUpdate(insert(1));
        c.afterCommit(() -> log.add("a"));
        c.afterCommit(() -> log.add("b"));
        tx.commit();
        assertEquals(1, handed.size(), "one hand-over per Quarry commit");
        assertEquals(List.of(), log, "Quarry's commit of a joined transaction commits nothing");
        handed.remove(0).run();
        assertEquals(List.of("changed [t]", "a", "b"), log);
        log.clear();

        Transaction rolledBack = c.begin();
        c.executeUpdate(insert(2));
        c.afterCommit(() -> log.add("dropped"));
        rolledBack.rollback();
        assertEquals(List.of(), handed);

        c.executeUpdate(insert(3)); // no Quarry transaction, but still the framework's
        c.afterCommit(() -> log.add("later"));
        assertEquals(2, handed.size());
        assertEquals(List.of(), log);
        handed.forEach(Runnable::run);
        assertEquals(List.of("changed [t]", "later"), log);
      }
    } finally {
      framework.rollback();
      framework.close();
    }
  }
}
