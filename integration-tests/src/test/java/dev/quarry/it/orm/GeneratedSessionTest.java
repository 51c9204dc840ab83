package dev.quarry.it.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.UniqueViolationException;
import dev.quarry.orm.DetachedInstanceException;
import dev.quarry.orm.EntityState;
import dev.quarry.orm.PendingRollbackException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.StaleDataException;
import dev.quarry.schema.Metadata;
import dev.quarry.spi.ManagedEntity;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The session driven by processor-generated metamodels, mappings and subclasses, on three databases. */
class GeneratedSessionTest {
  private TestDatabase db;
  private final List<String> statements = new ArrayList<>();

  static Stream<TestDatabase.Kind> kinds() {
    return TestDatabase.enabledKinds().stream();
  }

  private SessionFactory open(TestDatabase.Kind kind, boolean expireOnCommit) {
    db = TestDatabase.create(kind);
    db.execute(Metadata.of(QMember.member, QWallet.wallet).createStatements(kind.vendor()).toArray(new String[0]));
    return SessionFactory.builder(db.engine()).expireOnCommit(expireOnCommit)
        .statementListener((sql, n) -> statements.add(n == 1 ? sql : sql + " [x" + n + "]")).build();
  }

  private List<String> take() {
    List<String> out = new ArrayList<>(statements);
    statements.clear();
    return out;
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void statesIdentityAndDirtyChecking(TestDatabase.Kind kind) {
    SessionFactory sessions = open(kind, true);
    Member ann = new Member("ann", "ann@x.org", 30);
    try (Session s = sessions.openSession()) {
      s.add(ann);
      assertEquals(EntityState.PENDING, s.state(ann));
      s.commit();
      assertEquals(EntityState.PERSISTENT, s.state(ann));
    }
    assertEquals(EntityState.DETACHED, sessions.openSession().state(ann));
    try (Session s = sessions.openSession()) {
      Member loaded = s.get(Member.class, ann.getId());
      assertInstanceOf(ManagedEntity.class, loaded, "loaded objects are the generated subclass");
      take();
      assertSame(loaded, s.get(Member.class, ann.getId()));
      assertEquals(List.of(), take(), "an identity-map hit issues no SQL");
      loaded.setAge(31);
      s.flush();
      assertEquals(List.of(db.quoted("UPDATE orm_members SET age = ? WHERE orm_members.id = ?")), take());
      s.commit();
      db.execute(db.quoted("UPDATE orm_members SET name = 'ann2'"));
      assertEquals("ann2", loaded.getName(), "expired on commit, reloaded by the generated accessor");
      s.close();
      assertEquals(EntityState.DETACHED, s.state(loaded));
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void queriesThroughTheGeneratedMetamodel(TestDatabase.Kind kind) {
    SessionFactory sessions = open(kind, false);
    sessions.runInTransaction(s -> {
      for (int i = 1; i <= 10; i++) {
        s.add(new Member("m" + i, "m" + i + "@x.org", i));
      }
    });
    QMember m = QMember.member;
    try (Session s = sessions.openSession()) {
      List<Member> older = s.select(Member.class).where(m.age.gt(7)).orderBy(m.age.desc()).list();
      assertEquals(List.of("m10", "m9", "m8"), older.stream().map(Member::getName).toList());
      assertEquals(10, s.select(Member.class).count());
      Member m3 = s.select(Member.class).filterBy("email", "m3@x.org").one();
      assertSame(m3, s.get(Member.class, m3.getId()));
      dev.quarry.orm.Page<Member> page = s.select(Member.class).orderBy("name").page(2, 4);
      assertEquals(List.of("m4", "m5", "m6", "m7"), page.items().stream().map(Member::getName).toList());
      assertEquals(10, page.total());
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void detachedExpiredAccessRaises(TestDatabase.Kind kind) {
    SessionFactory sessions = open(kind, true);
    sessions.runInTransaction(s -> s.add(new Member("ann", "a@x", 1)));
    Member loaded;
    try (Session s = sessions.openSession()) {
      loaded = s.select(Member.class).one();
      s.commit();
    }
    assertThrows(DetachedInstanceException.class, loaded::getName);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void versionConflictBetweenTwoSessions(TestDatabase.Kind kind) {
    SessionFactory sessions = open(kind, false);
    sessions.runInTransaction(s -> s.add(new Wallet(1, "ann", 100)));
    Session first = sessions.openSession();
    Session second = sessions.openSession();
    Wallet w1 = first.get(Wallet.class, 1L);
    Wallet w2 = second.get(Wallet.class, 1L);
    first.commit();
    second.commit();
    w1.setBalance(150);
    first.commit();
    w2.setBalance(10);
    StaleDataException e = assertThrows(StaleDataException.class, second::commit);
    assertTrue(e.getMessage().contains("Wallet with id 1"), e.getMessage());
    second.rollback();
    first.close();
    second.close();
    try (Session s = sessions.openSession()) {
      Wallet w = s.get(Wallet.class, 1L);
      assertEquals(150, w.getBalance());
      assertEquals(2, w.getVersion(), "bumped once (a new row starts at 1)");
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void failedFlushPersistsNothingAndNeedsRollback(TestDatabase.Kind kind) {
    SessionFactory sessions = open(kind, true);
    sessions.runInTransaction(s -> s.add(new Member("dup", "dup@x.org", 1)));
    try (Session s = sessions.openSession()) {
      List<Member> members = new ArrayList<>();
      for (int i = 1; i <= 200; i++) {
        members.add(new Member("n" + i, i == 150 ? "dup@x.org" : "n" + i + "@x.org", i));
      }
      s.addAll(members);
      assertThrows(UniqueViolationException.class, s::flush);
      assertThrows(PendingRollbackException.class, () -> s.select(Member.class).count());
      s.rollback();
      members.forEach(mm -> assertNull(mm.getId()));
      assertFalse(s.contains(members.get(0)));
      assertEquals(1, s.select(Member.class).count());
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void writingAnExpiredObjectLoadsTheRestAndUpdatesOnlyThatColumn(TestDatabase.Kind kind) {
    SessionFactory sessions = open(kind, true);
    sessions.runInTransaction(s -> s.add(new Member("ann", "a@x", 1)));
    try (Session s = sessions.openSession()) {
      Member m = s.select(Member.class).one();
      s.commit(); // expires m
      db.execute(db.quoted("UPDATE orm_members SET name = 'outside'"));
      take();
      m.setAge(5);
      assertEquals("outside", m.getName(), "the write loaded the row first");
      assertEquals(5, m.getAge(), "and kept the written value");
      s.flush();
      List<String> sent = take();
      assertEquals(db.quoted("UPDATE orm_members SET age = ? WHERE orm_members.id = ?"),
          sent.get(sent.size() - 1));
      s.commit();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void mergeCopiesADetachedGeneratedInstanceOntoThePersistentOne(TestDatabase.Kind kind) {
    SessionFactory sessions = open(kind, false);
    sessions.runInTransaction(s -> s.add(new Member("ann", "a@x", 1)));
    Member detached;
    try (Session s = sessions.openSession()) {
      detached = s.select(Member.class).one();
    }
    detached.setName("renamed");
    try (Session s = sessions.openSession()) {
      Member merged = s.merge(detached);
      assertTrue(s.contains(merged));
      assertFalse(s.contains(detached));
      assertEquals("renamed", merged.getName());
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      assertEquals("renamed", s.select(Member.class).one().getName());
    }
  }
}
