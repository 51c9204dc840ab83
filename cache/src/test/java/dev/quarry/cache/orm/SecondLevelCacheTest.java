package dev.quarry.cache.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.cache.CacheRegions;
import dev.quarry.engine.Connection;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.cache.RegionStatistics;
import dev.quarry.orm.cache.SecondLevelCache;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The second-level cache and the query cache on every database: what they serve (counted in
 * statements), and that a write invalidates them when it commits — never before, never on rollback.
 */
class SecondLevelCacheTest {
  private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

  static CacheRegions regions() {
    return CacheRegions.caffeine()
        .region("rows", Duration.ofMinutes(10), 10_000)
        .region("collections", Duration.ofMinutes(10), 10_000)
        .region("queries", Duration.ofMinutes(10), 1_000);
  }

  private SessionFactory factory(TestDatabase db) {
    Metadata.of(QAuthor.author, QBook.book, QTag.tag, QBook.TAGS_TABLE, QNote.note).createAll(db.engine());
    return SessionFactory.builder(db.engine()).cache(regions())
        .statementListener((sql, n) -> statements.add(sql)).build();
  }

  private List<String> take() {
    synchronized (statements) {
      List<String> out = List.copyOf(statements);
      statements.clear();
      return out;
    }
  }

  private static long seedAuthor(SessionFactory sessions, String name) {
    return sessions.inTransaction(s -> {
      Author a = new Author(name);
      s.add(a);
      s.flush();
      return a.getId();
    });
  }

  @AllDatabases
  void aCachedGetIssuesNoSqlInANewSessionAndSharesNoObject(TestDatabase db) {
    SessionFactory sessions = factory(db);
    long id = seedAuthor(sessions, "ann");
    take();
    Author first;
    try (Session s = sessions.openSession()) {
      first = s.get(Author.class, id); // the insert cached nothing: this reads the row, and caches it
      assertEquals("ann", first.getName());
    }
    assertEquals(1, take().size());
    try (Session s = sessions.openSession()) {
      Author again = s.get(Author.class, id);
      assertEquals(List.of(), take(), "served from the second-level cache");
      assertEquals("ann", again.getName());
      assertNotSame(first, again);
      again.setName("changed in memory, never flushed");
      assertSame(again, s.get(Author.class, id), "one object per row in a session");
    }
    try (Session s = sessions.openSession()) {
      assertEquals("ann", s.get(Author.class, id).getName(), "the cache holds values, not the other session's object");
      assertEquals(List.of(), take());
    }
    SecondLevelCache cache = sessions.cache().orElseThrow();
    assertTrue(cache.contains(Author.class, id));
    RegionStatistics rows = cache.statistics().stream().filter(r -> r.name().equals("rows")).findFirst().orElseThrow();
    assertTrue(rows.hits() >= 2 && rows.puts() >= 1, rows.toString());
  }

  @AllDatabases
  void aWriteInvalidatesAtCommitNeverBeforeAndNeverOnRollback(TestDatabase db) {
    SessionFactory sessions = factory(db);
    long id = seedAuthor(sessions, "ann");
    try (Session s = sessions.openSession()) {
      s.get(Author.class, id);
    }
    SecondLevelCache cache = sessions.cache().orElseThrow();
    try (Session writer = sessions.openSession()) {
      writer.get(Author.class, id).setName("bea");
      writer.flush(); // written, not committed
      assertTrue(cache.contains(Author.class, id), "not invalidated before the commit");
      take();
      try (Session reader = sessions.openSession()) {
        assertEquals("ann", reader.get(Author.class, id).getName(), "the committed value");
        assertEquals(List.of(), take());
      }
      writer.rollback();
    }
    assertTrue(cache.contains(Author.class, id), "a rollback invalidates nothing");
    try (Session writer = sessions.openSession()) {
      writer.get(Author.class, id).setName("cid");
      writer.commit();
    }
    assertFalse(cache.contains(Author.class, id), "the commit invalidated the row");
    take();
    try (Session s = sessions.openSession()) {
      assertEquals("cid", s.get(Author.class, id).getName());
    }
    assertEquals(1, take().size());
  }

  @AllDatabases
  void aTransactionThatWroteATableReadsAroundTheCache(TestDatabase db) {
    SessionFactory sessions = factory(db);
    long id = seedAuthor(sessions, "ann");
    try (Session s = sessions.openSession()) {
      s.get(Author.class, id);
    }
    try (Session s = sessions.openSession()) {
      Author a = s.get(Author.class, id);
      a.setName("own");
      s.flush();
      s.expunge(a);
      take();
      assertEquals("own", s.get(Author.class, id).getName(), "its own uncommitted row, not the cached one");
      assertEquals(1, take().size());
      s.rollback();
    }
    try (Session s = sessions.openSession()) {
      assertEquals("ann", s.get(Author.class, id).getName());
    }
  }

  @AllDatabases
  void toOneReferencesAndCollectionsAreServedAcrossSessions(TestDatabase db) {
    SessionFactory sessions = factory(db);
    long[] ids = sessions.inTransaction(s -> {
      Author ann = new Author("ann");
      Author bea = new Author("bea");
      Author cid = new Author("cid");
      s.addAll(List.of(ann, bea, cid));
      Book b1 = new Book("b1", ann);
      Book b2 = new Book("b2", ann);
      Book b3 = new Book("b3", bea);
      Book b4 = new Book("b4", cid);
      s.addAll(List.of(b1, b2, b3, b4));
      s.flush();
      return new long[] {ann.getId(), bea.getId(), cid.getId(), b1.getId(), b3.getId()};
    });
    for (int round = 0; round < 2; round++) { // the first round loads and caches, the second is served
      try (Session s = sessions.openSession()) {
        for (int a = 0; a < 3; a++) {
          s.get(Author.class, ids[a]).getBooks().size();
        }
        assertEquals("ann", s.get(Book.class, ids[3]).getAuthor().getName());
      }
      List<String> ran = take();
      if (round == 1) {
        assertEquals(List.of(), ran, "authors, their books and the book's author all from the cache");
      }
    }
    // b1 moves from ann to bea: both collections go when that commits, cid's stays
    sessions.runInTransaction(s -> s.get(Book.class, ids[3]).setAuthor(s.get(Author.class, ids[1])));
    take();
    try (Session s = sessions.openSession()) {
      assertEquals(List.of("b4"), titles(s.get(Author.class, ids[2]).getBooks()));
      assertEquals(List.of(), take(), "cid's collection is still cached");
      assertEquals(List.of("b2"), titles(s.get(Author.class, ids[0]).getBooks()));
      assertEquals(List.of("b1", "b3"), titles(s.get(Author.class, ids[1]).getBooks()));
      assertFalse(take().isEmpty(), "ann's and bea's collections were read again");
    }
    try (Session s = sessions.openSession()) {
      assertEquals(List.of("b1", "b3"), titles(s.get(Author.class, ids[1]).getBooks()));
      assertEquals(List.of(), take());
    }
  }

  @AllDatabases
  void manyToManyCollectionsGoOnBothSidesWhenAnAssociationRowChanges(TestDatabase db) {
    SessionFactory sessions = factory(db);
    long[] ids = sessions.inTransaction(s -> {
      Author ann = new Author("ann");
      Book b1 = new Book("b1", ann);
      Tag red = new Tag("red");
      Tag blue = new Tag("blue");
      b1.getTags().add(red);
      s.addAll(List.of(ann, b1, red, blue));
      s.flush();
      return new long[] {b1.getId(), red.getId(), blue.getId()};
    });
    for (int round = 0; round < 2; round++) {
      try (Session s = sessions.openSession()) {
        assertEquals(1, s.get(Book.class, ids[0]).getTags().size());
        assertEquals(1, s.get(Tag.class, ids[1]).getBooks().size());
        assertEquals(0, s.get(Tag.class, ids[2]).getBooks().size());
      }
      if (round == 1) {
        assertEquals(List.of(), take());
      }
      take();
    }
    sessions.runInTransaction(s -> s.get(Book.class, ids[0]).getTags().add(s.get(Tag.class, ids[2])));
    try (Session s = sessions.openSession()) {
      assertEquals(2, s.get(Book.class, ids[0]).getTags().size());
      assertEquals(1, s.get(Tag.class, ids[2]).getBooks().size());
      assertEquals(1, s.get(Tag.class, ids[1]).getBooks().size());
    }
  }

  @AllDatabases
  void queryResultsAreCachedUntilATableTheyReadIsWritten(TestDatabase db) {
    SessionFactory sessions = factory(db);
    seedAuthor(sessions, "ann");
    seedAuthor(sessions, "anna");
    take();
    for (int round = 0; round < 2; round++) {
      try (Session s = sessions.openSession()) {
        List<Author> found = s.select(Author.class).where(QAuthor.author.name.like("ann%"))
            .orderBy(QAuthor.author.name.asc()).cached("queries").list();
        assertEquals(List.of("ann", "anna"), found.stream().map(Author::getName).toList());
      }
      assertEquals(round == 0 ? 1 : 0, take().size(), "round " + round);
    }
    seedAuthor(sessions, "annie"); // an insert into the table the query reads
    take();
    try (Session s = sessions.openSession()) {
      assertEquals(3, s.select(Author.class).where(QAuthor.author.name.like("ann%")).cached("queries").list().size());
      assertEquals(1, take().size());
      // a query over another table is not affected by writes to this one
      s.select(Note.class).cached("queries").list();
    }
    sessions.runInTransaction(s -> s.add(new Author("zed")));
    take();
    try (Session s = sessions.openSession()) {
      assertEquals(0, s.select(Note.class).cached("queries").list().size());
      assertEquals(List.of(), take(), "writes to l2_authors leave the notes query cached");
    }
  }

  @AllDatabases
  void bulkStatementsInvalidateTheirTableAtCommitAndTheWritersQueriesReadAround(TestDatabase db) {
    SessionFactory sessions = factory(db);
    long id = seedAuthor(sessions, "ann");
    try (Session s = sessions.openSession()) {
      s.get(Author.class, id);
      assertEquals(1, s.select(Author.class).cached("queries").list().size());
    }
    try (Session s = sessions.openSession()) {
      s.bulkUpdate(Author.class).set(QAuthor.author.name, "bulk").where(QAuthor.author.id.eq(id))
          .execute(dev.quarry.orm.Synchronize.NONE);
      s.add(new Author("second"));
      take();
      assertEquals(2, s.select(Author.class).cached("queries").list().size(), "its own rows, from the database");
      assertEquals(2, take().size(), "the autoflush's INSERT, then the query");
      try (Session other = sessions.openSession()) {
        assertEquals("ann", other.get(Author.class, id).getName(), "others keep the committed value until the commit");
        assertEquals(1, other.select(Author.class).cached("queries").list().size());
        assertEquals(List.of(), take());
      }
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      assertEquals("bulk", s.get(Author.class, id).getName(), "the bulk UPDATE dropped the table's rows");
      assertEquals(2, s.select(Author.class).cached("queries").list().size());
    }
    assertEquals(2, take().size());
  }

  @AllDatabases
  void tupleAndProjectionResultsAreCachedAsValues(TestDatabase db) {
    SessionFactory sessions = factory(db);
    long id = seedAuthor(sessions, "ann");
    QAuthor a = QAuthor.author;
    take();
    for (int round = 0; round < 2; round++) {
      try (Session s = sessions.openSession()) {
        assertEquals("ann", s.select(a.id, a.name).where(a.id.eq(id)).cached("queries").list().get(0).get(a.name));
        assertEquals(List.of(new AuthorName(id, "ann")),
            s.select(a.id, a.name).where(a.id.eq(id)).into(AuthorName.class).cached("queries").list());
      }
      assertEquals(round == 0 ? 2 : 0, take().size(), "round " + round + ": a tuple and a projection, keyed apart");
    }
    sessions.runInTransaction(s -> s.get(Author.class, id).setName("bea"));
    try (Session s = sessions.openSession()) {
      assertEquals("bea", s.select(a.id, a.name).where(a.id.eq(id)).cached("queries").list().get(0).get(a.name));
      assertEquals("bea", s.select(a.id, a.name).where(a.id.eq(id)).into(AuthorName.class).cached("queries").list()
          .get(0).name());
      IllegalArgumentException entity = assertThrows(IllegalArgumentException.class,
          () -> s.select(a, a.name).cached("queries"));
      assertTrue(entity.getMessage().contains("selects the entity Author"), entity.getMessage());
    }
  }

  @AllDatabases
  void coreStatementsAndRawSqlThroughTheEngineInvalidateByTable(TestDatabase db) {
    SessionFactory sessions = factory(db);
    long id = seedAuthor(sessions, "ann");
    try (Session s = sessions.openSession()) {
      s.get(Author.class, id);
      s.select(Author.class).cached("queries").list();
      s.select(Note.class).cached("queries").list();
    }
    try (Connection c = db.engine().connect()) {
      c.execute(Sql.update(QAuthor.author).set(QAuthor.author.name, "core").where(QAuthor.author.id.eq(id))).close();
    }
    take();
    try (Session s = sessions.openSession()) {
      assertEquals("core", s.get(Author.class, id).getName(), "a Core UPDATE drops the table's cached rows");
      assertEquals("core", s.select(Author.class).cached("queries").list().get(0).getName());
      s.select(Note.class).cached("queries").list();
    }
    assertEquals(2, take().size(), "the notes query stayed cached");
    // raw SQL declaring its table drops that table's results only; undeclared DML drops every result
    try (Connection c = db.engine().connect()) {
      c.execute(Sql.text("UPDATE " + db.quote("l2_notes") + " SET " + db.quote("text") + " = 'x'").writes("l2_notes"))
          .close();
    }
    try (Session s = sessions.openSession()) {
      s.select(Author.class).cached("queries").list();
      s.select(Note.class).cached("queries").list();
    }
    assertEquals(1, take().size());
    try (Connection c = db.engine().connect()) {
      c.execute(Sql.text("UPDATE " + db.quote("l2_notes") + " SET " + db.quote("text") + " = 'y'")).close();
    }
    try (Session s = sessions.openSession()) {
      s.select(Author.class).cached("queries").list();
      s.select(Note.class).cached("queries").list();
    }
    assertEquals(2, take().size());
  }

  @AllDatabases
  void aCoreStatementThroughASessionInvalidatesWhenItCommitsAndTheSessionReadsAround(TestDatabase db) {
    SessionFactory sessions = factory(db);
    long id = seedAuthor(sessions, "ann");
    try (Session s = sessions.openSession()) {
      s.get(Author.class, id);
    }
    try (Session s = sessions.openSession()) {
      s.execute(Sql.update(QAuthor.author).set(QAuthor.author.name, "core").where(QAuthor.author.id.eq(id))).close();
      assertEquals("core", s.get(Author.class, id).getName());
      try (Session other = sessions.openSession()) {
        assertEquals("ann", other.get(Author.class, id).getName(), "not invalidated before the commit");
      }
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      assertEquals("core", s.get(Author.class, id).getName());
    }
  }

  @AllDatabases
  void evictionAndUnknownRegions(TestDatabase db) {
    SessionFactory sessions = factory(db);
    long id = seedAuthor(sessions, "ann");
    try (Session s = sessions.openSession()) {
      s.get(Author.class, id);
    }
    SecondLevelCache cache = sessions.cache().orElseThrow();
    assertTrue(cache.contains(Author.class, id));
    cache.evict(Author.class, id);
    assertFalse(cache.contains(Author.class, id));
    try (Session s = sessions.openSession()) {
      s.get(Author.class, id);
    }
    cache.evictAll(Author.class);
    assertFalse(cache.contains(Author.class, id));
    try (Session s = sessions.openSession()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> s.select(Author.class).cached("nowhere").list());
      assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> SessionFactory
        .builder(db.engine()).cache(CacheRegions.caffeine().region("rows", Duration.ofMinutes(1), 10)).build());
    assertTrue(missing.getMessage().contains("collections"), missing.getMessage());
  }

  private static List<String> titles(List<Book> books) {
    Map<String, Boolean> sorted = new TreeMap<>();
    books.forEach(b -> sorted.put(b.getTitle(), true));
    return List.copyOf(sorted.keySet());
  }
}
