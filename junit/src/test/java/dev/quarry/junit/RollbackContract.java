package dev.quarry.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import dev.quarry.engine.UniqueViolationException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.sql.Sql;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Each test's writes, committed or not, are gone before the next test; on all three databases. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RollbackContract {
  @Test
  @Order(1)
  void committedSessionWorkIsVisibleInsideTheTest(SessionFactory sessions, Session session) {
    sessions.runInTransaction(s -> s.add(new Author("committed")));
    session.add(new Author("flushed"));
    session.flush();
    assertEquals(2, session.select(Author.class).count());
  }

  @Test
  @Order(2)
  void theNextTestStartsEmpty(Session session, Engine engine) {
    assertEquals(0, session.select(Author.class).count());
    assertEquals(0L, new AuthorDao(engine).count());
  }

  @Test
  @Order(3)
  void coreAndDaoWritesAreRolledBackToo(Engine engine, Connection connection) {
    new AuthorDao(engine).insert(new Author("by dao"));
    connection.executeUpdate(Sql.insertInto(QAuthor.author).set(QAuthor.author.name, "by core"));
    assertEquals(2L, new AuthorDao(connection).count());
  }

  @Test
  @Order(4)
  void stillEmpty(Engine engine) {
    assertEquals(0L, new AuthorDao(engine).count());
  }

  @Test
  @Order(5)
  void aFailedFlushRollsBackOnlyTheSessionTransaction(SessionFactory sessions, Engine engine) {
    sessions.runInTransaction(s -> s.add(new Author("ann")));
    try (Session s = sessions.openSession()) {
      s.add(new Author("ann"));
      assertThrows(UniqueViolationException.class, s::flush);
      s.rollback();
      s.add(new Author("bob"));
      s.commit();
    }
    assertEquals(2L, new AuthorDao(engine).count(), "ann (committed before) and bob");
  }

  @Test
  @Order(6)
  void emptyAgain(Session session) {
    assertNotNull(session);
    assertEquals(0, session.select(Author.class).count());
  }
}
