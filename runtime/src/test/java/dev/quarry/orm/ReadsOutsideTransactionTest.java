package dev.quarry.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Connection;
import dev.quarry.engine.DatabaseException;
import dev.quarry.orm.Model.User;
import dev.quarry.testing.RawSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code SessionFactory.Builder.readsOutsideTransaction(true)}: reads run in autocommit until the
 * session's first write, which begins its transaction; from there on it is one transaction.
 */
class ReadsOutsideTransactionTest extends SessionTestBase {
  private long userNamed(String name) {
    try (Session s = factory.openSession()) {
      User u = new User(name, name + "@x", 30);
      s.add(u);
      s.commit();
      return u.id;
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void readsSeeCommittedChangesAndTheFirstWriteBeginsTheTransaction(Db db) {
    open(db, builder(db).readsOutsideTransaction(true));
    long id = userNamed("ann");
    try (Session s = factory.openSession()) {
      User u = s.get(User.class, id);
      assertEquals(30, u.age);
      Db.exec(ds, "UPDATE users SET age = 99 WHERE id = " + id); // another connection, committed
      s.refresh(u);
      assertEquals(99, u.age, "a read outside a transaction sees what others committed");
      u.setAge(5);
      s.flush(); // the first write: begins the session's transaction
      s.rollback();
    }
    assertEquals(99, Db.count(ds, "SELECT age FROM users WHERE id = " + id),
        "the flush ran in the transaction the rollback undid");
    try (Session s = factory.openSession()) {
      s.get(User.class, id).setAge(7);
      s.commit();
    }
    assertEquals(7, Db.count(ds, "SELECT age FROM users WHERE id = " + id));
  }

  @Test
  void aSessionThatOnlyReadHoldsNoLocksOnPostgres() {
    open(Db.POSTGRESQL, builder(Db.POSTGRESQL).readsOutsideTransaction(true));
    long id = userNamed("bob");
    try (Session s = factory.openSession()) {
      s.get(User.class, id);
      assertEquals(0, lockTableNowait(), "no transaction holds a lock on the table");
    }
    open(Db.POSTGRESQL); // the default: one transaction from the first statement
    long other = userNamed("cy");
    try (Session s = factory.openSession()) {
      s.get(User.class, other);
      DatabaseException e = assertThrows(DatabaseException.class, this::lockTableNowait,
          "the session's transaction holds its read lock until it ends");
      assertTrue(e.getMessage().contains("users") || e.getMessage().toLowerCase().contains("lock"), e.getMessage());
    }
  }

  /** Takes an exclusive lock on the users table from another connection without waiting. */
  private long lockTableNowait() {
    try (Connection c = ds.engine().connect()) {
      return c.inTransaction(tx -> tx.executeUpdate(RawSql.of("LOCK TABLE users IN ACCESS EXCLUSIVE MODE NOWAIT")));
    }
  }
}
