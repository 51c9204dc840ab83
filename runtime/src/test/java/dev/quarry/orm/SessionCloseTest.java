package dev.quarry.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.Model.User;
import dev.quarry.sql.Sql;
import java.lang.ref.WeakReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Closing a session without commit: a session that only read ends its transaction cheaply
 * (commit), but anything that may have written — a flush, a Core statement run through the
 * session, raw SQL mapped to entities — is rolled back, exactly as SQLAlchemy's close does.
 */
class SessionCloseTest extends SessionTestBase {

  @ParameterizedTest
  @EnumSource(Db.class)
  void flushedChangesAreRolledBackOnClose(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      s.add(new User("ann", "ann@x.org", 30));
      s.flush();
    }
    assertEquals(0, count("users"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void coreStatementsThroughTheSessionAreRolledBackOnClose(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      s.execute(Sql.insertInto(Model.USERS).set(Model.USERS.name, "bob").set(Model.USERS.age, 40));
    }
    assertEquals(0, count("users"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void rawStatementsMappedToEntitiesAreRolledBackOnClose(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      s.connection().execute(Sql.insertInto(Model.USERS).set(Model.USERS.name, "cy").set(Model.USERS.age, 1))
          .close();
    }
    assertEquals(0, count("users"));
    try (Session s = factory.openSession()) {
      s.add(new User("dee", "dee@x.org", 2));
      s.commit();
    }
    // A statement the session did not build may write; it must not be committed by close().
    String sql = db == Db.SQLITE || db == Db.POSTGRESQL
        ? "UPDATE users SET age = 99 RETURNING *"
        : "SELECT * FROM FINAL TABLE (UPDATE users SET age = 99)";
    try (Session s = factory.openSession()) {
      assertEquals(1, s.fromStatement(User.class, Sql.text(sql)).size());
    }
    assertEquals(1, Db.count(ds, "SELECT COUNT(*) FROM users WHERE age = 2"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void aReadOnlySessionLeavesTheDatabaseAsItWas(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      s.add(new User("eve", "eve@x.org", 5));
      s.commit();
    }
    try (Session s = factory.openSession()) {
      User eve = s.select(User.class).one();
      eve.age = 6; // changed in memory, never flushed
      assertEquals(1, s.select(User.class).count());
    }
    assertEquals(1, Db.count(ds, "SELECT COUNT(*) FROM users WHERE age = 5"));
  }

  /**
   * A detached object's entry stays its interceptor but lets go of the session: an application that
   * keeps detached objects (a cache) must not keep every closed session, with its identity map, alive.
   */
  @ParameterizedTest
  @EnumSource(Db.class)
  void aDetachedObjectDoesNotKeepItsClosedSessionReachable(Db db) throws InterruptedException {
    open(db);
    long id;
    try (Session s = factory.openSession()) {
      User u = new User("eve", "eve@x.org", 5);
      s.add(u);
      s.commit();
      id = u.getId();
    }
    Session s = factory.openSession();
    User kept = s.get(User.class, id);
    for (int i = 0; i < 200; i++) {
      s.get(User.class, id); // the identity map holds the object; the session holds the map
    }
    WeakReference<Session> session = new WeakReference<>(s);
    s.close();
    s = null;
    for (int i = 0; i < 50 && session.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(session.get(), "the closed session is still reachable from its detached object");
    assertSame(EntityState.DETACHED, factory.openSession().state(kept));
    assertTrue(kept.getName().equals("eve"));
  }
}
