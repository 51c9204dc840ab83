package dev.quarry.it.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Engine;
import dev.quarry.orm.Page;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.Vendor;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Generated {@code @Dao} implementations on every test database: through an engine, a connection and a session. */
class DaoImplTest {
  private static Engine setUp(TestDatabase db) {
    Metadata.of(QPerson.person).createAll(db.engine());
    Engine engine = db.engine();
    new PersonDao(engine).insertAll(List.of(new Person(1, "Ada", 36, true), new Person(2, "alan", 41, true),
        new Person(3, "Grace", 85, false), new Person(4, "Linus", 28, false)));
    return engine;
  }

  private static List<Long> ids(List<Person> people) {
    return people.stream().map(p -> p.id).toList();
  }

  @AllDatabases
  void derivedFindersOnAnEngine(TestDatabase db) {
    PersonQueries q = new PersonQueries_Impl(setUp(db));
    assertEquals(3L, q.findByName("Grace").orElseThrow().id);
    assertTrue(q.findByName("Nobody").isEmpty());
    assertEquals(2L, q.findFirstByActiveTrueOrderByAgeDesc().id);
    // ORDER BY name follows the database's collation: MariaDB's default ignores case ("alan" before "Grace").
    boolean caseInsensitiveCollation = db.vendor() == Vendor.MARIADB || db.vendor() == Vendor.MYSQL;
    assertEquals(caseInsensitiveCollation ? List.of(1L, 2L, 3L) : List.of(1L, 3L, 2L),
        ids(q.findAllByAgeGreaterThanEqualOrderByNameAsc(36)));
    assertEquals(List.of(2L, 4L), ids(q.findByNameIgnoreCaseOrAgeBetween("ALAN", 20, 30).stream()
        .sorted(java.util.Comparator.comparing(p -> p.id)).toList()));
    assertEquals(1, q.findTop2ByNameStartingWith("Gr").size());
    assertEquals(List.of(1L, 4L), ids(q.findByIdInOrderByIdAsc(List.of(4L, 1L))));
    assertEquals(List.of(1L, 2L, 3L, 4L), ids(q.findByNameAndAgeOrderByIdAsc(null, null)), "both dropped");
    assertEquals(List.of(3L), ids(q.findByNameAndAgeOrderByIdAsc("Grace", null)));
    assertEquals(List.of(), ids(q.findByNameAndAgeOrderByIdAsc("Grace", 36)));
    try (Stream<Person> inactive = q.findAllByActiveFalseOrderByIdAsc()) {
      assertEquals(List.of(3L, 4L), inactive.map(p -> p.id).toList());
    }
    assertEquals(2, q.countByActiveTrue());
    assertTrue(q.existsByName("Ada"));
    assertEquals(caseInsensitiveCollation, q.existsByName("ada")); // '=' compares by the column's collation too
    assertEquals(List.of(new PersonQueries.NameAndAge("alan", 41), new PersonQueries.NameAndAge("Grace", 85)),
        q.olderThan(40));
    assertEquals(2, q.countActive(false));
    assertEquals(1, q.birthday("Ada"));
    assertEquals(37, q.findByName("Ada").orElseThrow().age);
    assertEquals(1, q.deleteByAgeLessThan(30));
    assertEquals(3, q.countByActiveTrue() + 1);
  }

  @AllDatabases
  void checkedQueriesOnAnEngine(TestDatabase db) {
    PersonQueries q = new PersonQueries_Impl(setUp(db));
    assertEquals(List.of(1L, 2L, 3L), ids(q.search(30, null)), "pattern null: its condition is left out");
    assertEquals(List.of(3L), ids(q.search(30, "Gr%")));
    assertEquals(List.of(), ids(q.search(90, null)));
    assertEquals(Optional.of("Grace"), q.nameOf(3));
    assertEquals(Optional.empty(), q.nameOf(99));
    assertEquals(41, q.oldest(true));
    assertEquals(85, q.oldest(false));
    assertEquals(Optional.of(new PersonQueries.NameAndAge("Ada", 36)), q.unchecked("Ada"));
    assertEquals(2, q.countActive(true));
  }

  @AllDatabases
  void aConnectionInATransaction(TestDatabase db) {
    Engine engine = setUp(db);
    assertThrows(IllegalStateException.class, () -> engine.runInTransaction(c -> {
      PersonQueries q = new PersonQueries_Impl(c);
      assertEquals(1, q.deleteByAgeLessThan(30));
      assertFalse(q.existsByName("Linus"), "seen inside the transaction");
      throw new IllegalStateException("roll back");
    }));
    assertTrue(new PersonQueries_Impl(engine).existsByName("Linus"), "rolled back");
  }

  @AllDatabases
  void aSessionKeepsIdentityAndExpiresWhatDmlChanges(TestDatabase db) {
    SessionFactory sessions = SessionFactory.builder(setUp(db)).build();
    try (Session session = sessions.openSession()) {
      PersonQueries q = new PersonQueries_Impl(session);
      Person ada = session.get(Person.class, 1L);
      assertSame(ada, q.findByName("Ada").orElseThrow(), "through the identity map");
      assertSame(ada, q.findAllByAgeGreaterThanEqualOrderByNameAsc(36).get(0));
      Person linus = session.get(Person.class, 4L);
      assertEquals(28, linus.age);
      assertEquals(1, q.deleteByAgeLessThan(30));
      assertNull(session.get(Person.class, 4L), "the deleted row is gone from the session");
      assertSame(ada, q.search(36, "Ad%").get(0), "a checked entity query goes through the identity map");
      assertEquals(1, q.birthday("Ada"));
      assertSame(ada, q.findByName("Ada").orElseThrow());
      assertEquals(37, ada.age, "the UPDATE expired the loaded objects: the query refreshed Ada");
      ada.name = "Ada L.";
      assertTrue(q.existsByName("Ada L."), "pending changes are flushed before the query");
    }
  }

  @AllDatabases
  void inWithArrays(TestDatabase db) {
    PersonQueries q = new PersonQueries_Impl(setUp(db));
    assertEquals(List.of(1L, 4L), ids(q.findByAgeInOrderByIdAsc(new int[] {28, 36, 99})));
    assertEquals(List.of(), ids(q.findByAgeInOrderByIdAsc(new int[0])));
    assertEquals(List.of(2L, 3L), ids(q.findByNameNotInOrderByIdAsc("Ada", "Linus")));
    assertEquals(List.of(1L, 2L, 3L, 4L), ids(q.findByNameNotInOrderByIdAsc()));
    assertEquals(3, q.countByIdIn(new Long[] {1L, 3L, 4L, 7L}));
    assertEquals(List.of(2L, 3L), ids(q.findByIdInAndNameOrderByIdAsc(new long[] {2, 3}, null)));
    assertEquals(List.of(3L), ids(q.findByIdInAndNameOrderByIdAsc(new long[] {2, 3}, "Grace")));
  }

  private static void assertPage(List<Long> ids, int page, int size, long total, Page<Person> found) {
    assertEquals(ids, ids(found.items()), "items");
    assertEquals(List.of(page, size, total), List.of(found.page(), found.size(), found.total()), "page, size, total");
  }

  @AllDatabases
  void pagesOnAnEngine(TestDatabase db) {
    PersonQueries q = new PersonQueries_Impl(setUp(db));
    assertPage(List.of(1L), 1, 1, 2, q.findByActive(true, 1, 1));
    assertPage(List.of(2L), 2, 1, 2, q.findByActive(true, 2, 1));
    assertPage(List.of(), 3, 1, 2, q.findByActive(true, 3, 1));
    assertEquals(2, q.findByActive(true, 1, 1).totalPages());
    assertPage(List.of(3L, 2L), 1, 2, 3, q.findAllByAgeGreaterThanOrderByAgeDesc(30, 1, 2));
    assertPage(List.of(1L), 2, 2, 3, q.findAllByAgeGreaterThanOrderByAgeDesc(30, 2, 2));
    assertPage(List.of(3L, 4L), 1, 5, 2, q.findByNameAndActive(null, false, 1, 5));
    assertPage(List.of(4L), 1, 5, 1, q.findByNameAndActive("Linus", false, 1, 5));
    assertPage(List.of(3L), 2, 2, 3, q.pageOlderThan(30, 2, 2));
    assertPage(List.of(1L, 2L), 1, 2, 3, q.pageOlderThan(30, 1, 2));
    Page<PersonQueries.NameAndAge> names = q.namesOlderThan(0, 1, 3);
    assertEquals(List.of(new PersonQueries.NameAndAge("Linus", 28), new PersonQueries.NameAndAge("Ada", 36),
        new PersonQueries.NameAndAge("alan", 41)), names.items());
    assertEquals(4, names.total());
    assertTrue(names.hasNext());
    assertEquals(List.of(new PersonQueries.NameAndAge("Grace", 85)), q.namesOlderThan(0, 2, 3).items());
    assertPage(List.of(4L), 2, 3, 4, q.searchPage(null, 2, 3));
    assertPage(List.of(3L), 1, 10, 1, q.searchPage("Gr%", 1, 10));
    assertPage(List.of(), 1, 10, 0, q.searchPage("Nobody%", 1, 10));
    assertEquals("page numbers start at 1 and sizes at 1; got page 0, size 2",
        assertThrows(IllegalArgumentException.class, () -> q.findByActive(true, 0, 2)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> q.pageOlderThan(0, 1, 0));
  }

  @AllDatabases
  void pagesInASession(TestDatabase db) {
    SessionFactory sessions = SessionFactory.builder(setUp(db)).build();
    try (Session session = sessions.openSession()) {
      PersonQueries q = new PersonQueries_Impl(session);
      Person ada = session.get(Person.class, 1L);
      assertSame(ada, q.findByActive(true, 1, 1).items().get(0), "derived: through the identity map");
      assertSame(ada, q.pageOlderThan(30, 1, 1).items().get(0), "checked: through the identity map");
      assertPage(List.of(1L, 4L), 2, 2, 4, q.findAllByAgeGreaterThanOrderByAgeDesc(0, 2, 2));
      assertSame(ada, q.searchPage("Ad%", 1, 2).items().get(0));
      ada.active = false;
      assertPage(List.of(2L), 1, 10, 1, q.findByActive(true, 1, 10));
      ada.age = 90;
      assertPage(List.of(2L, 3L, 1L), 1, 10, 3, q.pageOlderThan(40, 1, 10));
      assertEquals(List.of(new PersonQueries.NameAndAge("Ada", 90)), q.namesOlderThan(85, 1, 10).items(),
          "pending changes are flushed before the count and the rows");
    }
  }
}
