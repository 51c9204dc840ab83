package dev.quarry.orm;

import static dev.quarry.orm.Model.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.Model.Author;
import dev.quarry.orm.Model.User;
import dev.quarry.spi.LifecycleEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventsAndScopesTest extends SessionTestBase {

  @ParameterizedTest
  @EnumSource(Db.class)
  void sessionEventsInOrder(Db db) {
    List<String> events = new ArrayList<>();
    open(db, builder(db).listener(new SessionListener() {
      @Override
      public void beforeFlush(Session session) {
        events.add("beforeFlush");
      }

      @Override
      public void afterFlush(Session session, FlushChanges changes) {
        events.add("afterFlush " + changes.tables());
      }

      @Override
      public void beforeCommit(Session session) {
        events.add("beforeCommit");
      }

      @Override
      public void afterCommit(Session session) {
        events.add("afterCommit");
      }

      @Override
      public void afterRollback(Session session) {
        events.add("afterRollback");
      }
    }));
    try (Session s = factory.openSession()) {
      s.add(new Author(1, "ann"));
      s.commit();
      s.add(new Author(2, "bob"));
      s.flush();
      s.rollback();
    }
    assertEquals(List.of("beforeCommit", "beforeFlush", "afterFlush [authors]", "afterCommit",
        "beforeFlush", "afterFlush [authors]", "afterRollback"), events);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void openCloseAndEveryFlushAreReported(Db db) {
    List<String> events = new ArrayList<>();
    open(db, builder(db).listener(new SessionListener() {
      @Override
      public void afterOpen(Session session) {
        events.add("afterOpen");
      }

      @Override
      public void flushFinished(Session session, FlushEvent event) {
        assertFalse(event.elapsed().isNegative());
        events.add("flushFinished " + event.rows() + (event.succeeded() ? " ok" : " " + event.failure().getClass().getSimpleName()));
      }

      @Override
      public void afterClose(Session session) {
        events.add("afterClose");
      }
    }));
    Db.exec(ds, "INSERT INTO authors (id, name) VALUES (9, 'taken')");
    Session s = factory.openSession();
    s.add(new Author(1, "ann"));
    s.add(new Author(2, "bob"));
    s.flush();
    s.flush(); // nothing to write: reported with no rows
    s.add(new Author(9, "clash"));
    assertThrows(dev.quarry.engine.UniqueViolationException.class, s::flush);
    s.rollback();
    s.close();
    s.close(); // reported once
    assertEquals(List.of("afterOpen", "flushFinished 2 ok", "flushFinished 0 ok", "flushFinished 0 UniqueViolationException",
        "afterClose"), events);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void beforeFlushMayAddObjects(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      s.addListener(new SessionListener() {
        @Override
        public void beforeFlush(Session session) {
          if (session.newObjects().stream().anyMatch(o -> o instanceof Author a && a.id == 1L)) {
            session.add(new Author(100, "audit"));
          }
        }
      });
      s.add(new Author(1, "ann"));
      s.commit();
    }
    assertEquals(2, count("authors"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void lifecycleCallbacksFromGeneratedCodeAndRegistered(Db db) {
    List<String> registered = new ArrayList<>();
    open(db, builder(db)
        .on(User.class, LifecycleEvent.BEFORE_INSERT, u -> registered.add("before insert " + u.name))
        .on(User.class, LifecycleEvent.AFTER_UPDATE, u -> registered.add("after update " + u.name))
        .on(User.class, LifecycleEvent.AFTER_DELETE, u -> registered.add("after delete " + u.name)));
    Model.USER.lifecycleLog.clear();
    try (Session s = factory.openSession()) {
      User u = new User("ann", "a@x", 1);
      s.add(u);
      s.flush();
      u.age = 2;
      s.flush();
      s.delete(u);
      s.commit();
    }
    assertEquals(List.of("before insert ann", "after update ann", "after delete ann"), registered);
    assertEquals(List.of("BEFORE_INSERT", "AFTER_INSERT", "BEFORE_UPDATE", "AFTER_UPDATE", "BEFORE_DELETE",
        "AFTER_DELETE"), Model.USER.lifecycleLog);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void validatorsRejectAndNormalise(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      Model.Account ok = new Model.Account(1, "  Ann  ", 10);
      s.add(ok);
      s.flush();
      assertEquals("Ann", ok.owner, "the validator normalised the value");
      Model.Account bad = new Model.Account(2, "", 10);
      s.add(bad);
      ValidationException e = assertThrows(ValidationException.class, s::flush);
      assertEquals("Account", e.entity());
      assertEquals("owner", e.property());
      assertTrue(e.getMessage().contains("Account.owner") && e.getMessage().contains("''"), e.getMessage());
      assertTrue(s.isActive(), "nothing was sent: the session stays usable");
      bad.owner = "Bob";
      s.commit();
    }
    assertEquals(2, count("accounts"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void scopedSessionsAreThreadBound(Db db) throws Exception {
    open(db);
    ScopedSession scoped = factory.scoped();
    Session mine = scoped.current();
    assertSame(mine, scoped.current());
    AtomicReference<Session> other = new AtomicReference<>();
    Thread t = new Thread(() -> {
      other.set(scoped.current());
      scoped.remove();
    });
    t.start();
    t.join();
    assertNotSame(mine, other.get());
    mine.add(new Author(1, "ann"));
    scoped.remove();
    assertFalse(scoped.hasCurrent());
    assertEquals(0, count("authors"), "remove() closes and rolls back");
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void sessionPerRequest(Db db) {
    open(db);
    ScopedSession scoped = factory.scoped();
    Long id = scoped.inRequest(() -> {
      User u = new User("ann", "a@x", 1);
      scoped.current().add(u);
      scoped.current().flush();
      return u.id;
    });
    assertFalse(scoped.hasCurrent());
    assertEquals(1, count("users"));
    assertThrows(IllegalStateException.class, () -> scoped.inRequest(() -> {
      scoped.current().get(User.class, id).name = "changed";
      throw new IllegalStateException("handler failed");
    }));
    assertFalse(scoped.hasCurrent());
    assertEquals(0, Db.count(ds, "SELECT COUNT(*) FROM users WHERE name = 'changed'"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void bulkUpdateAndDeleteKeepTheIdentityMapConsistent(Db db) {
    open(db, builder(db).expireOnCommit(false));
    factory.runInTransaction(s -> {
      for (int i = 1; i <= 6; i++) {
        s.add(new User("u" + i, "u" + i + "@x", i <= 3 ? 1 : 2));
      }
    });
    try (Session s = factory.openSession()) {
      List<User> all = s.select(USERS).orderBy(USERS.id.asc()).list();
      int n = s.bulkUpdate(User.class).set(USERS.name, "grp1").filterBy("age", 1).execute(Synchronize.EVALUATE);
      assertEquals(3, n);
      assertEquals("grp1", all.get(0).name, "evaluated in memory");
      assertTrue(s.dirtyObjects().isEmpty(), "synchronised values are not seen as changes");
      n = s.bulkUpdate(User.class).set(USERS.age, USERS.age.plus(10)).where(USERS.age.eq(2))
          .execute(Synchronize.FETCH);
      assertEquals(3, n);
      assertEquals(12, all.get(3).getAge(), "fetched and reloaded");
      assertThrows(IllegalArgumentException.class, () -> s.bulkDelete(User.class).where(USERS.age.eq(1))
          .execute(Synchronize.EVALUATE));
      n = s.bulkDelete(User.class).where(USERS.age.eq(12)).execute(Synchronize.FETCH);
      assertEquals(3, n);
      assertEquals(EntityState.DELETED, s.state(all.get(3)));
      assertNull(s.get(User.class, all.get(3).id));
      n = s.bulkDelete(User.class).filterBy("name", "grp1").execute(Synchronize.EVALUATE);
      assertEquals(3, n);
      assertFalse(s.contains(all.get(0)));
      s.rollback();
      assertEquals(EntityState.PERSISTENT, s.state(all.get(0)), "rollback restores bulk-deleted objects");
      assertEquals("u1", all.get(0).name);
    }
    assertEquals(6, count("users"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void bulkInsertWritesBackKeys(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      List<User> users = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        users.add(new User("b" + i, "b" + i + "@x", i));
      }
      take();
      s.bulkInsert(User.class, users);
      assertEquals(db == Db.SQLITE ? 50 : 1, take().size());
      assertTrue(users.stream().allMatch(u -> u.id != null));
      assertFalse(s.contains(users.get(0)), "bulk-inserted objects do not join the session");
      s.bulkInsertMappings(User.class, List.of(java.util.Map.of("name", "m1", "email", "m1@x"),
          java.util.Map.of("name", "m2", "age", 3)));
      assertThrows(IllegalArgumentException.class,
          () -> s.bulkInsertMappings(User.class, List.of(java.util.Map.of("nope", 1))));
      s.commit();
    }
    assertEquals(52, count("users"));
  }
}
