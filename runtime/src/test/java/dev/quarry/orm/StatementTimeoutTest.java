package dev.quarry.orm;

import static dev.quarry.orm.Model.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Connection;
import dev.quarry.engine.QueryTimeoutException;
import dev.quarry.engine.Transaction;
import dev.quarry.orm.Model.User;
import dev.quarry.testing.RawSql;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The session's statement timeout ({@code SessionFactory.Builder.statementTimeout}) and a query's
 * own ({@code EntityQuery.timeout}) reach the statements: a statement waiting for a row another
 * connection locked gives up at the timeout. On PostgreSQL, which waits for row locks without a
 * lock timeout of its own by default.
 */
class StatementTimeoutTest extends SessionTestBase {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final Duration BOUND = Duration.ofSeconds(8);

  private long saveUser() {
    try (Session s = factory.openSession()) {
      User u = new User("ann", "a@x", 1);
      s.add(u);
      s.commit();
      return u.getId();
    }
  }

  /** Locks the user row from another connection for the duration of {@code work}. */
  private void whileLocked(Runnable work) {
    try (Connection other = ds.engine().connect()) {
      Transaction tx = other.begin();
      other.execute(RawSql.of(ds.quoted("UPDATE \"users\" SET \"age\" = 2"))).close();
      try {
        work.run();
      } finally {
        tx.rollback();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Db.class, names = "POSTGRESQL")
  void theSessionTimeoutBoundsAFlushWaitingForALock(Db db) {
    open(db, builder(db).statementTimeout(TIMEOUT));
    long id = saveUser();
    whileLocked(() -> {
      try (Session s = factory.openSession()) {
        s.get(User.class, id).setAge(3);
        QueryTimeoutException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(QueryTimeoutException.class,
            s::flush));
        assertTrue(e.getMessage().contains("UPDATE"), e.getMessage());
      }
      try (Session s = factory.openSession()) { // a Core statement run through the session too
        assertTimeoutPreemptively(BOUND, () -> assertThrows(QueryTimeoutException.class,
            () -> s.execute(dev.quarry.sql.Sql.text(ds.quoted("UPDATE \"users\" SET \"age\" = 4"))).close()));
      }
    });
  }

  @ParameterizedTest
  @EnumSource(value = Db.class, names = "POSTGRESQL")
  void aQueryTimeoutBoundsItsSelect(Db db) {
    open(db);
    saveUser();
    whileLocked(() -> {
      try (Session s = factory.openSession()) {
        long start = System.nanoTime();
        assertTimeoutPreemptively(BOUND, () -> assertThrows(QueryTimeoutException.class,
            () -> s.select(User.class).forUpdate().timeout(TIMEOUT).list()));
        assertTrue(System.nanoTime() - start >= TIMEOUT.toNanos() - 50_000_000L);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void aQueryTimeoutOverridesTheSessionsAndLeavesNormalQueriesAlone(Db db) {
    open(db, builder(db).statementTimeout(Duration.ofSeconds(30)));
    saveUser();
    try (Session s = factory.openSession()) {
      List<User> users = s.select(User.class).where(USERS.name.eq("ann")).timeout(Duration.ofSeconds(5)).list();
      assertEquals(1, users.size());
      assertEquals(1, s.select(User.class).timeout(Duration.ZERO).count());
      try (var stream = s.select(User.class).timeout(Duration.ofSeconds(5)).stream()) {
        assertEquals(1, stream.count());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> SessionFactory.builder(ds.engine())
        .statementTimeout(Duration.ofSeconds(-1)));
  }
}
