package dev.quarry.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.quarry.engine.Engine;
import dev.quarry.orm.Session;
import dev.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The query-count assertion catches an N+1 loop, and passes for the single-query version. */
@QuarryTest(entities = {Author.class, Book.class})
class QueryCounterTest {
  @BeforeEach
  void seed(Session session) {
    for (int i = 1; i <= 3; i++) {
      Author a = new Author("author " + i);
      session.add(a);
      session.flush();
      session.add(new Book("book " + i, a.getId()));
    }
    session.commit();
  }

  /** One query per book for its author: the N+1 pattern. */
  static List<String> authorsOneByOne(Session session) {
    List<String> names = new ArrayList<>();
    for (Book b : session.select(Book.class).orderBy("id").list()) {
      names.add(session.select(Author.class).filterBy("id", b.getAuthorId()).one().getName());
    }
    return names;
  }

  /** The same answer with one extra query for all authors at once. */
  static List<String> authorsInOneQuery(Session session) {
    List<Book> books = session.select(Book.class).orderBy("id").list();
    Map<Long, String> byId = session.select(Author.class)
        .where(QAuthor.author.id.in(books.stream().map(Book::getAuthorId).toList())).list().stream()
        .collect(Collectors.toMap(Author::getId, Author::getName));
    return books.stream().map(b -> byId.get(b.getAuthorId())).toList();
  }

  @Test
  void countsStatementsOfTheBlockOnly(Session session, QueryCounter queries) {
    List<String> names = queries.assertQueries(2, () -> authorsInOneQuery(session));
    assertEquals(List.of("author 1", "author 2", "author 3"), names);
  }

  @Test
  void failsWithTheStatementsWhenTheCountDiffers(Session session, QueryCounter queries) {
    AssertionError e = assertThrows(AssertionError.class, () -> queries.assertQueries(2, () -> authorsOneByOne(session)));
    assertTrue(e.getMessage().startsWith("expected the block to send 2 statements, but it sent 4 (an N+1 loop?"),
        e.getMessage());
    assertTrue(e.getMessage().contains("4. SELECT"), e.getMessage());
  }

  @Test
  void countsDaoAndCoreStatements(Engine engine, QueryCounter queries) {
    queries.assertQueries(1, () -> engine.useConnection(c -> c.executeUpdate(
        Sql.insertInto(QAuthor.author).set(QAuthor.author.name, "x"))));
    assertEquals(4L, queries.assertQueries(1, () -> new AuthorDao(engine).count()));
  }

  @Test
  @ExpectQueries(2)
  void annotationPassesWhenTheCountMatches(Session session) {
    assertEquals(3, authorsInOneQuery(session).size());
  }

  @Test
  void annotationFailsAnNPlusOneTest() {
    TestExecutionSummary summary = run("nPlusOne");
    assertEquals(1, summary.getTestsFailedCount());
    Throwable failure = summary.getFailures().get(0).getException();
    assertTrue(failure.getMessage().startsWith("expected nPlusOne() to send 2 statements, but it sent 4"),
        failure.getMessage());
    assertEquals(1, run("justRight").getTestsSucceededCount());
  }

  private static TestExecutionSummary run(String method) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectMethod(Guarded.class, method, Session.class.getName())).build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    return listener.getSummary();
  }

  /** Run by {@link #annotationFailsAnNPlusOneTest()} through the JUnit launcher (not by surefire: no Test suffix). */
  @QuarryTest(entities = {Author.class, Book.class})
  static class Guarded {
    @BeforeEach
    void seed(Session session) {
      new QueryCounterTest().seed(session);
    }

    @Test
    @ExpectQueries(2)
    void nPlusOne(Session session) {
      authorsOneByOne(session);
    }

    @Test
    @ExpectQueries(2)
    void justRight(Session session) {
      authorsInOneQuery(session);
    }
  }
}
