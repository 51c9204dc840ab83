package dev.quarry.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.Model.Author;
import dev.quarry.orm.Model.Book;
import dev.quarry.orm.Model.Doc;
import dev.quarry.orm.Model.Enrollment;
import dev.quarry.orm.Model.EnrollmentId;
import dev.quarry.orm.Model.Node;
import dev.quarry.orm.Model.Ticket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UnitOfWorkTest extends SessionTestBase {
  private static final String INSERT_AUTHOR = "INSERT INTO authors (id, name) VALUES (?, ?)";
  private static final String INSERT_BOOK = "INSERT INTO books (id, author_id, title) VALUES (?, ?, ?)";

  @ParameterizedTest
  @EnumSource(Db.class)
  void parentsInsertedFirstChildrenDeletedFirst(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      // children added before their parents: the flush still inserts authors first
      Book b1 = new Book(10, 1L, "A1");
      Book b2 = new Book(11, 2L, "B1");
      Author a1 = new Author(1, "ann");
      Author a2 = new Author(2, "bob");
      s.addAll(List.of(b1, b2, a1, a2));
      s.flush();
      assertEquals(List.of(INSERT_AUTHOR + " [x2]", INSERT_BOOK + " [x2]"), take());
      s.delete(a1);
      s.delete(b1);
      s.delete(a2);
      s.delete(b2);
      s.flush();
      assertEquals(List.of("DELETE FROM books WHERE books.id = ? [x2]", "DELETE FROM authors WHERE authors.id = ? [x2]"),
          take());
      s.commit();
    }
    assertEquals(0, count("authors"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void selfReferentialRowsInOrder(Db db) {
    open(db);
    List<Node> nodes = new ArrayList<>();
    try (Session s = factory.openSession()) {
      // added leaf-first: 4 -> 3 -> 2 -> 1 (root)
      nodes.add(new Node(4, 3L, "leaf"));
      nodes.add(new Node(3, 2L, "mid2"));
      nodes.add(new Node(2, 1L, "mid1"));
      nodes.add(new Node(1, null, "root"));
      nodes.add(new Node(5, 1L, "other"));
      s.addAll(nodes);
      s.commit();
    }
    assertEquals(5, count("nodes"));
    try (Session s = factory.openSession()) {
      List<Node> loaded = s.select(Node.class).orderBy("id").list();
      loaded.forEach(s::delete); // root first: the flush still deletes it last
      take();
      s.commit();
      assertEquals(List.of("DELETE FROM nodes WHERE nodes.id = ? [x5]"), take());
    }
    assertEquals(0, count("nodes"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void compositeKeys(Db db) {
    open(db, builder(db).expireOnCommit(false));
    factory.runInTransaction(s -> {
      s.add(new Enrollment(1, "math", 90));
      s.add(new Enrollment(1, "art", 80));
      s.add(new Enrollment(2, "math", 70));
    });
    try (Session s = factory.openSession()) {
      Enrollment e = s.get(Enrollment.class, new EnrollmentId(1L, "art"));
      assertEquals(80, e.grade);
      assertSame(e, s.get(Enrollment.class, new EnrollmentId(1L, "art")));
      take();
      e.grade = 85;
      s.flush();
      assertEquals(List.of("UPDATE enrollments SET grade = ? WHERE enrollments.student_id = ? AND enrollments.course_id = ?"),
          take());
      s.delete(s.get(Enrollment.class, new EnrollmentId(2L, "math")));
      s.commit();
    }
    assertEquals(2, count("enrollments"));
    assertEquals(85, Db.count(ds, "SELECT grade FROM enrollments WHERE course_id = 'art'"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void clientUuidIds(Db db) {
    open(db);
    Doc d = new Doc("readme");
    try (Session s = factory.openSession()) {
      s.add(d);
      s.flush();
      assertNotNull(d.id);
      s.commit();
    }
    try (Session s = factory.openSession()) {
      assertEquals("readme", s.get(Doc.class, d.id).title);
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void pooledSequenceAllocation(Db db) {
    open(db);
    List<String> engineSql = new java.util.concurrent.CopyOnWriteArrayList<>();
    factory.engine().addListener(new dev.quarry.engine.EngineListener() {
      @Override
      public void beforeExecute(String sql, List<dev.quarry.engine.Parameter> parameters) {
        engineSql.add(sql);
      }
    });
    try (Session s = factory.openSession()) {
      List<Ticket> tickets = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        tickets.add(new Ticket("t" + i));
      }
      s.addAll(tickets);
      s.flush();
      long blockCalls = engineSql.stream().filter(x -> x.startsWith("SELECT")).count();
      // SQLite has no sequences: the shared allocator reads MAX(id) once and counts in memory
      assertEquals(db == Db.SQLITE ? 1 : 3, blockCalls, "120 ids from blocks of 50: " + engineSql);
      assertEquals(1L, tickets.get(0).id);
      assertEquals(120L, tickets.get(119).id);
      s.commit();
    }
    assertEquals(120, count("tickets"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void assignedIdMissingIsAnError(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      s.add(new Author());
      ObjectStateException e = assertThrows(ObjectStateException.class, s::flush);
      assertTrue(e.getMessage().contains("set the id"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void changingTheKeyUpdatesByTheOldKey(Db db) {
    open(db, builder(db).expireOnCommit(false));
    factory.runInTransaction(s -> s.add(new Author(1, "ann")));
    try (Session s = factory.openSession()) {
      Author a = s.get(Author.class, 1L);
      a.id = 7L;
      s.commit();
      assertSame(a, s.get(Author.class, 7L));
    }
    assertEquals(7, Db.count(ds, "SELECT id FROM authors"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void statisticsCountStatementsPerSessionAndEngine(Db db) {
    open(db);
    long before = factory.engine().statistics().statements();
    try (Session s = factory.openSession()) {
      for (int i = 0; i < 10; i++) {
        s.add(new Author(i, "a" + i));
      }
      s.flush();
      s.select(Author.class).list();
      assertEquals(2, s.statistics().statements());
      assertEquals(10, s.statistics().batchedRows());
      assertEquals(1, s.statistics().flushes());
      assertEquals(10, s.statistics().identityMapSize());
      s.commit();
    }
    assertNotEquals(before, factory.engine().statistics().statements());
    assertTrue(factory.engine().statistics().statements() - before >= 2);
  }
}
