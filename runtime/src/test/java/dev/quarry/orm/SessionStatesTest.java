package dev.quarry.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.Model.User;
import dev.quarry.orm.Model.UserProxy;
import dev.quarry.spi.ManagedEntity;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionStatesTest extends SessionTestBase {

  @ParameterizedTest
  @EnumSource(Db.class)
  void walkthroughOfEveryState(Db db) {
    open(db);
    User ann = new User("ann", "ann@x.org", 30);
    try (Session s = factory.openSession()) {
      assertEquals(EntityState.TRANSIENT, s.state(ann));
      assertFalse(s.contains(ann));
      s.add(ann);
      assertEquals(EntityState.PENDING, s.state(ann));
      assertTrue(s.contains(ann));
      assertEquals(List.of(ann), s.newObjects());
      assertNull(ann.id);
      s.flush();
      assertEquals(EntityState.PERSISTENT, s.state(ann));
      assertNotNull(ann.id);
      assertTrue(s.newObjects().isEmpty());
      ann.age = 31;
      assertEquals(List.of(ann), s.dirtyObjects());
      s.delete(ann);
      assertEquals(List.of(ann), s.deletedObjects());
      assertEquals(EntityState.PERSISTENT, s.state(ann));
      s.flush();
      assertEquals(EntityState.DELETED, s.state(ann));
      assertFalse(s.contains(ann));
      s.commit();
      assertEquals(EntityState.DETACHED, s.state(ann));
    }
    User bob = new User("bob", "bob@x.org", 40);
    try (Session s = factory.openSession()) {
      s.add(bob);
      s.commit();
      assertEquals(EntityState.PERSISTENT, s.state(bob));
      s.expunge(bob);
      assertEquals(EntityState.DETACHED, s.state(bob));
    }
    try (Session s = factory.openSession()) {
      User loaded = s.get(User.class, bob.id);
      assertInstanceOf(UserProxy.class, loaded);
      s.close();
      assertEquals(EntityState.DETACHED, s.state(loaded));
      assertEquals(EntityState.DETACHED, s.state(bob));
    }
    assertEquals(1, count("users"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void getHitsTheIdentityMapWithoutSql(Db db) {
    open(db, builder(db).expireOnCommit(false));
    Long id = factory.inTransaction(s -> {
      User u = new User("ann", "a@x", 1);
      s.add(u);
      s.flush();
      return u.id;
    });
    try (Session s = factory.openSession()) {
      take();
      User first = s.get(User.class, id);
      assertEquals(1, take().size());
      User second = s.get(User.class, id);
      assertSame(first, second);
      assertEquals(List.of(), take(), "an identity-map hit issues no SQL");
      assertSame(first, s.get(User.class, id.intValue()), "ids are normalised to the id type");
      assertNull(s.get(User.class, 999_999L));
      assertEquals(1, s.statistics().identityMapSize());
      assertEquals(2, s.statistics().statements());
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void flushEmitsExactStatementsInOrderAndUpdatesOnlyChangedColumns(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      User a = new User("a", "a@x", 1);
      User b = new User("b", "b@x", 2);
      User c = new User("c", "c@x", 3);
      s.addAll(List.of(a, b, c));
      s.flush();
      String insert = "INSERT INTO users (name, email, age) VALUES (?, ?, ?)";
      if (db == Db.SQLITE) {
        assertEquals(List.of(insert, insert, insert), take());
      } else {
        assertEquals(List.of(insert + " [x3]"), take());
      }
      assertTrue(a.id < b.id && b.id < c.id, "generated keys written back in order");
      a.age = 10;
      b.age = 20;
      c.name = "cc";
      s.flush();
      assertEquals(List.of(
          "UPDATE users SET age = ? WHERE users.id = ? [x2]",
          "UPDATE users SET name = ? WHERE users.id = ?"), take());
      s.flush();
      assertEquals(List.of(), take(), "nothing changed, nothing sent");
      s.delete(a);
      s.delete(c);
      s.flush();
      assertEquals(List.of("DELETE FROM users WHERE users.id = ? [x2]"), take());
      s.commit();
    }
    assertEquals(1, count("users"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void expireOnCommitReloadsOnNextAccess(Db db) {
    open(db);
    Long id = factory.inTransaction(s -> {
      User u = new User("ann", "a@x", 1);
      s.add(u);
      s.flush();
      return u.id;
    });
    try (Session s = factory.openSession()) {
      User u = s.get(User.class, id);
      s.commit();
      Db.exec(ds, "UPDATE users SET name = 'changed' WHERE id = " + id);
      take();
      assertEquals("changed", u.getName(), "expired state reloads on access");
      assertEquals(1, take().size());
      assertEquals("changed", u.getName());
      assertEquals(List.of(), take(), "reloaded once");
      u.setAge(42);
      s.commit();
      assertEquals(42, Db.count(ds, "SELECT age FROM users WHERE id = " + id));
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void expireOnCommitFalseKeepsValues(Db db) {
    open(db, builder(db).expireOnCommit(false));
    try (Session s = factory.openSession()) {
      s.add(new User("ann", "a@x", 1));
      s.commit();
      User u = s.get(User.class, 1L);
      s.commit();
      take();
      assertEquals("ann", u.getName());
      assertEquals(List.of(), take());
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void detachedExpiredAccessFailsClearly(Db db) {
    open(db);
    Long id = factory.inTransaction(s -> {
      User u = new User("ann", "a@x", 1);
      s.add(u);
      s.flush();
      return u.id;
    });
    User u;
    try (Session s = factory.openSession()) {
      u = s.get(User.class, id);
      s.commit();
    }
    DetachedInstanceException e = assertThrows(DetachedInstanceException.class, u::getName);
    assertTrue(e.getMessage().contains("User with id " + id), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void refreshExpireExpungeMerge(Db db) {
    open(db, builder(db).expireOnCommit(false));
    factory.runInTransaction(s -> s.add(new User("ann", "a@x", 1)));
    User detached;
    try (Session s = factory.openSession()) {
      User u = s.get(User.class, 1L);
      s.commit(); // SQLite readers see a snapshot: let the outside update land between transactions
      Db.exec(ds, "UPDATE users SET age = 5 WHERE id = 1");
      u.age = 99;
      s.refresh(u);
      assertEquals(5, u.age, "refresh discards unflushed changes and reads the row");
      s.expire(u);
      s.commit();
      Db.exec(ds, "UPDATE users SET age = 6 WHERE id = 1");
      assertEquals(6, u.getAge());
      s.expunge(u);
      assertFalse(s.contains(u));
      detached = u;
    }
    detached.name = "merged";
    try (Session s = factory.openSession()) {
      User merged = s.merge(detached);
      assertTrue(s.contains(merged));
      assertFalse(s.contains(detached));
      assertEquals("merged", merged.getName());
      User fresh = new User("new", "n@x", 7);
      User mergedNew = s.merge(fresh);
      assertEquals(EntityState.PENDING, s.state(mergedNew));
      s.commit();
    }
    assertEquals(1, Db.count(ds, "SELECT COUNT(*) FROM users WHERE name = 'merged'"));
    assertEquals(2, count("users"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void detachedObjectReattachesWithAdd(Db db) {
    open(db, builder(db).expireOnCommit(false));
    User u = new User("ann", "a@x", 1);
    factory.runInTransaction(s -> s.add(u));
    assertEquals(EntityState.DETACHED, factory.openSession().state(u));
    u.age = 50;
    try (Session s = factory.openSession()) {
      s.add(u);
      assertEquals(EntityState.PERSISTENT, s.state(u));
      take();
      s.commit();
      assertEquals(List.of("UPDATE users SET age = ? WHERE users.id = ?"), take());
    }
    assertEquals(1, count("users"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void loadedObjectsAreGeneratedSubclassesAttachedToTheSession(Db db) {
    open(db);
    factory.runInTransaction(s -> s.add(new User("ann", "a@x", 1)));
    try (Session s = factory.openSession()) {
      User u = s.get(User.class, 1L);
      assertNotNull(((ManagedEntity) u).quarryInterceptor());
      Session other = factory.openSession();
      assertThrows(ObjectStateException.class, () -> other.add(u));
      other.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void deletingTransientOrPendingIsAnError(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      User u = new User("ann", "a@x", 1);
      assertThrows(ObjectStateException.class, () -> s.delete(u));
      s.add(u);
      assertThrows(ObjectStateException.class, () -> s.delete(u));
      s.expunge(u);
      assertEquals(EntityState.TRANSIENT, s.state(u));
    }
  }
}
