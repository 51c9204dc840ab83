package dev.quarry.orm;

import static dev.quarry.orm.Model.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.NoResultException;
import dev.quarry.engine.NonUniqueResultException;
import dev.quarry.orm.Model.Author;
import dev.quarry.orm.Model.Book;
import dev.quarry.orm.Model.User;
import dev.quarry.sql.Sql;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QueryTest extends SessionTestBase {

  private void seed() {
    factory.runInTransaction(s -> {
      for (int i = 1; i <= 20; i++) {
        s.add(new User("user" + (i < 10 ? "0" : "") + i, "u" + i + "@x.org", i % 5));
      }
    });
  }

  private static List<String> names(List<User> users) {
    return users.stream().map(u -> u.name).collect(Collectors.toList());
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void typedQueries(Db db) {
    open(db);
    seed();
    try (Session s = factory.openSession()) {
      List<User> young = s.select(USERS).where(USERS.age.lt(2)).orderBy(USERS.name.desc()).limit(3).list();
      assertEquals(List.of("user20", "user16", "user15"), names(young));
      assertEquals(8, s.select(User.class).where(USERS.age.lt(2)).count());
      assertTrue(s.select(USERS).where(USERS.name.eq("user07")).exists());
      assertFalse(s.select(USERS).where(USERS.name.eq("nobody")).exists());
      User u7 = s.select(USERS).filterBy("name", "user07").one();
      assertSame(u7, s.get(User.class, u7.id), "queries go through the identity map");
      assertSame(u7, s.select(USERS).filterBy(Map.of("email", "u7@x.org", "age", 2)).first());
      assertNull(s.select(USERS).filterBy("name", "nobody").oneOrNull());
      assertThrows(NoResultException.class, () -> s.select(USERS).filterBy("name", "nobody").one());
      assertThrows(NonUniqueResultException.class, () -> s.select(USERS).filterBy("age", 1).one());
      assertThrows(IllegalArgumentException.class, () -> s.select(USERS).filterBy("nope", 1));
      assertThrows(IllegalArgumentException.class, () -> s.select(USERS).limit(-1));
      assertEquals(List.of("user01", "user02"), names(s.select(USERS).orderBy("name").limit(2).list()));
      assertEquals(List.of("user20"), names(s.select(USERS).orderBy("-name").limit(1).list()));
      assertThrows(IllegalArgumentException.class, () -> s.select(USERS).orderBy("name; drop table users"));
      // Property names ignoring case, as Core's sort keys take them.
      assertEquals(List.of("user20"), names(s.select(USERS).orderBy("-NAME").limit(1).list()));
      assertSame(u7, s.select(USERS).filterBy("Email", "u7@x.org").one());
      try (Stream<User> stream = s.select(USERS).orderBy(USERS.id.asc()).stream()) {
        assertEquals(20, stream.count());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void pagesAndKeysets(Db db) {
    open(db);
    seed();
    try (Session s = factory.openSession()) {
      Page<User> p2 = s.select(USERS).orderBy(USERS.name.asc()).page(2, 6);
      assertEquals(List.of("user07", "user08", "user09", "user10", "user11", "user12"), names(p2.items()));
      assertEquals(20, p2.total());
      assertEquals(4, p2.totalPages());
      assertTrue(p2.hasNext());
      assertEquals(2, s.select(USERS).page(4, 6).items().size());
      assertEquals(0, s.select(USERS).page(9, 6).items().size());
      Long after = null;
      int seen = 0;
      int slices = 0;
      do {
        KeysetPage<User, Long> slice = s.select(USERS).keyset(USERS.id, after, 7);
        seen += slice.items().size();
        after = slice.nextAfter();
        slices++;
      } while (after != null);
      assertEquals(20, seen);
      assertEquals(3, slices);
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void autoflushBeforeQueries(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      s.add(new User("pending", "p@x", 1));
      assertEquals(1, s.select(USERS).filterBy("name", "pending").count(), "autoflush made it visible");
      User u = s.select(USERS).filterBy("name", "pending").one();
      u.name = "renamed";
      assertEquals(1, s.select(USERS).filterBy("name", "renamed").count());
      s.rollback();
    }
    open(db, builder(db).autoflush(false));
    try (Session s = factory.openSession()) {
      s.add(new User("pending", "p@x", 1));
      assertEquals(0, s.select(USERS).filterBy("name", "pending").count());
      s.rollback();
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void tuplesOfEntitiesAndColumns(Db db) {
    open(db);
    factory.runInTransaction(s -> {
      s.add(new Author(1, "ann"));
      s.add(new Author(2, "bob"));
      s.add(new Book(10, 1L, "A1"));
      s.add(new Book(11, 1L, "A2"));
      s.add(new Book(12, 2L, "B1"));
    });
    Model.Authors a = Model.AUTHORS;
    Model.Books b = Model.BOOKS;
    dev.quarry.sql.StringColumn title = (dev.quarry.sql.StringColumn) b.column("title");
    @SuppressWarnings("unchecked")
    dev.quarry.sql.NumberColumn<Long> authorId = (dev.quarry.sql.NumberColumn<Long>) b.column("author_id");
    @SuppressWarnings("unchecked")
    dev.quarry.sql.NumberColumn<Long> aid = (dev.quarry.sql.NumberColumn<Long>) a.column("id");
    try (Session s = factory.openSession()) {
      List<Tuple> rows = s.select(a, title).join(b, authorId.eq(aid)).orderBy(title.asc()).list();
      assertEquals(3, rows.size());
      Author ann = rows.get(0).get(Author.class);
      assertEquals("ann", ann.name);
      assertSame(ann, rows.get(1).get(a), "one row, one object");
      assertEquals("A2", rows.get(1).get(title));
      assertEquals("B1", rows.get(2).get(1));
      List<Tuple> counts = s.select(a, Sql.count()).join(b, authorId.eq(aid)).groupBy(aid, a.column("name"))
          .orderBy(aid.asc()).list();
      assertEquals(2L, (long) (Long) counts.get(0).get(1));
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void rawSqlMappedToEntities(Db db) {
    open(db);
    seed();
    try (Session s = factory.openSession()) {
      User first = s.select(USERS).filterBy("name", "user03").one();
      List<User> users = s.fromStatement(User.class,
          Sql.text("SELECT age, email, name, id FROM users WHERE age = :age ORDER BY id")
              .bind("age", 3));
      assertEquals(List.of("user03", "user08", "user13", "user18"), names(users));
      assertSame(first, users.get(0));
      assertThrows(IllegalArgumentException.class, () -> s.fromStatement(User.class,
          Sql.text("SELECT id FROM users")));
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void aliasQueries(Db db) {
    open(db);
    seed();
    try (Session s = factory.openSession()) {
      Model.Users u2 = USERS.as("u2");
      List<User> users = s.select(User.class, u2).where(u2.age.eq(4)).orderBy(u2.id.asc()).list();
      assertEquals(4, users.size());
    }
  }
}
