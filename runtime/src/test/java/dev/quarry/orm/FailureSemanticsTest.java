package dev.quarry.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.Model.Account;
import dev.quarry.orm.Model.User;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FailureSemanticsTest extends SessionTestBase {

  static Stream<Arguments> positions() {
    List<Arguments> out = new ArrayList<>();
    for (Db db : Db.values()) {
      for (int position : new int[] {1, 2, 500, 999, 1000}) {
        out.add(Arguments.of(db, position));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: duplicate at {1} of 1000")
  @MethodSource("positions")
  void uniqueViolationInA1000ObjectFlushPersistsNothing(Db db, int position) {
    open(db);
    factory.runInTransaction(s -> s.add(new User("existing", "dup@x.org", 1)));
    try (Session s = factory.openSession()) {
      User existing = s.get(User.class, 1L);
      existing.age = 77; // a pending UPDATE in the same flush: must be undone too
      List<User> users = new ArrayList<>();
      for (int i = 1; i <= 1000; i++) {
        users.add(new User("u" + i, i == position ? "dup@x.org" : "u" + i + "@x.org", i));
      }
      s.addAll(users);
      RuntimeException failure = assertThrows(RuntimeException.class, s::flush);
      assertTrue(hasSqlCause(failure), "the flush error carries the database error: " + failure);
      assertInstanceOf(dev.quarry.engine.UniqueViolationException.class, failure);
      assertFalse(s.isActive());
      assertFalse(s.inTransaction(), "the database transaction was rolled back at once");
      assertEquals(1, count("users"), "zero rows of the failed flush persist");
      for (User u : users) {
        assertNull(u.id, "no half-assigned ids remain");
      }
      PendingRollbackException refused = assertThrows(PendingRollbackException.class,
          () -> s.get(User.class, 1L));
      assertSame(failure, refused.getCause());
      assertThrows(PendingRollbackException.class, s::commit);
      assertThrows(PendingRollbackException.class, () -> s.add(new User("x", "y", 1)));
      s.rollback();
      assertTrue(s.isActive());
      for (User u : users) {
        assertEquals(EntityState.TRANSIENT, s.state(u), "pending objects are expunged");
      }
      assertEquals(1, s.statistics().identityMapSize());
      assertEquals(1, existing.getAge(), "persistent objects hold database values again");
      User again = s.get(User.class, 1L);
      assertSame(existing, again);
      s.add(new User("after", "after@x.org", 2));
      s.commit();
    }
    assertEquals(2, count("users"), "the session works after rollback");
  }

  private static boolean hasSqlCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void rollbackAfterSuccessfulFlushesRestoresEverything(Db db) {
    open(db, builder(db).expireOnCommit(false));
    factory.runInTransaction(s -> {
      s.add(new Account(1, "ann", 100));
      s.add(new Account(2, "bob", 100));
    });
    try (Session s = factory.openSession()) {
      Account ann = s.get(Account.class, 1L);
      Account bob = s.get(Account.class, 2L);
      ann.balance = 50L;
      s.flush();
      s.delete(bob);
      s.flush();
      User u = new User("new", "new@x", 1);
      s.add(u);
      s.flush();
      Long generated = u.id;
      assertTrue(generated != null);
      s.rollback();
      assertEquals(100L, ann.balance, "flushed UPDATE undone in memory");
      assertEquals(1, ann.version);
      assertEquals(EntityState.PERSISTENT, s.state(bob), "flushed DELETE undone");
      assertSame(bob, s.get(Account.class, 2L));
      assertEquals(EntityState.TRANSIENT, s.state(u));
      assertNull(u.id, "the id of a rolled-back INSERT is cleared");
    }
    assertEquals(2, count("accounts"));
    assertEquals(0, count("users"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void failureInsideInTransactionRollsBackAndCloses(Db db) {
    open(db);
    assertThrows(IllegalStateException.class, () -> factory.runInTransaction(s -> {
      s.add(new User("a", "a@x", 1));
      s.flush();
      throw new IllegalStateException("boom");
    }));
    assertEquals(0, count("users"));
    factory.runInTransaction(s -> s.add(new User("a", "a@x", 1)));
    assertEquals(1, count("users"));
  }
}
