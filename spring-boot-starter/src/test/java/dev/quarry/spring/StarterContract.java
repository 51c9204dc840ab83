package dev.quarry.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.engine.Engine;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.spring.app.Author;
import dev.quarry.spring.app.AuthorDao;
import dev.quarry.spring.app.BookDao;
import dev.quarry.spring.app.LibraryService;
import dev.quarry.spring.app.MixedResult;
import dev.quarry.spring.app.QAuthor;
import dev.quarry.types.Vendor;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/** What the starter promises, run against one database per subclass. */
abstract class StarterContract {
  @Autowired Engine engine;
  @Autowired SessionFactory sessionFactory;
  @Autowired Session session;
  @Autowired QuarrySessions sessions;
  @Autowired AuthorDao authorDao;
  @Autowired BookDao bookDao;
  @Autowired JdbcTemplate jdbc;
  @Autowired LibraryService library;
  @Autowired TransactionTemplate transactions;
  @Autowired HealthIndicator quarryHealthIndicator;

  abstract Vendor vendor();

  @BeforeEach
  void emptyTables() {
    jdbc.update("DELETE FROM boot_books");
    jdbc.update("DELETE FROM boot_authors");
  }

  private int authors(String name) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM boot_authors WHERE name = ?", Integer.class, name);
  }

  @Test
  void beansAreAutoConfiguredOnTheApplicationsDataSource() {
    assertThat(engine.vendor()).isEqualTo(vendor());
    assertThat(sessionFactory.engine()).isSameAs(engine);
    assertThat(sessions.sessionFactory()).isSameAs(sessionFactory);
    assertThat(authorDao.count()).isZero();
    assertThat(bookDao.count()).isZero();
    // the engine borrows from the application's pool: nothing of its own is left open
    assertThat(engine.poolStatus().active()).isZero();
  }

  @Test
  void transactionalMethodCommitsWhenItReturns() {
    library.addAuthor("ann");
    assertThat(authors("ann")).isEqualTo(1);
  }

  @Test
  void transactionalMethodRollsBackWhenItThrows() {
    assertThatThrownBy(() -> library.addAuthorThenFail("bob")).hasMessage("boom");
    assertThat(authors("bob")).isZero();
  }

  @Test
  void quarryAndJdbcTemplateShareOneConnection() {
    assertThatThrownBy(() -> library.mixQuarryAndJdbcThenFail("cy", "Dune"))
        .isInstanceOfSatisfying(MixedResult.class, e -> assertThat(e.seen).isEqualTo(List.of(1, 1L, true)));
    assertThat(authors("cy")).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM boot_books", Integer.class)).isZero();
  }

  @Test
  void daoBeansJoinTheSpringTransaction() {
    assertThatThrownBy(() -> library.addAuthorWithDaoThenFail("dee")).hasMessage("boom");
    assertThat(authors("dee")).isZero();
    authorDao.insert(new Author("dee")); // outside a transaction: its own connection, committed
    assertThat(authors("dee")).isEqualTo(1);
  }

  @Test
  void requiresNewCommitsIndependentlyOfTheOuterRollback() {
    assertThatThrownBy(() -> library.outerWithRequiresNewThenFail("outer", "inner")).hasMessage("outer fails");
    assertThat(authors("outer")).isZero();
    assertThat(authors("inner")).isEqualTo(1);
  }

  @Test
  void nestedRollsBackToItsSavepointOnly() {
    library.outerWithFailingNested("kept", "undone");
    assertThat(authors("kept")).isEqualTo(1);
    assertThat(authors("undone")).isZero();
  }

  @Test
  void failedFlushInsideNestedDoesNotDoomTheOuterTransaction() {
    library.addAuthor("taken");
    library.outerWithNestedFlushFailure("survivor", "taken");
    assertThat(authors("survivor")).isEqualTo(1);
    assertThat(authors("taken")).isEqualTo(1);
  }

  @Test
  void swallowedFlushFailureStillRollsBack() {
    library.addAuthor("taken");
    assertThatThrownBy(() -> library.swallowFlushFailure("lost", "taken"))
        .isInstanceOf(UnexpectedRollbackException.class);
    assertThat(authors("lost")).isZero();
  }

  @Test
  void readOnlyTransactionNeverWrites() {
    library.addAuthor("eve");
    // no autoflush in a read-only transaction: the query does not see the unflushed rename
    assertThat(library.renameInReadOnly("eve", "renamed")).isZero();
    assertThat(authors("eve")).isEqualTo(1);
    assertThat(authors("renamed")).isZero();
    assertThat(authors("renamed-new")).isZero();
  }

  @Test
  void transactionTemplateGetsTheBoundSessionAndItsObjectsDetachAfterwards() {
    Author saved = transactions.execute(status -> {
      Author a = new Author("fay");
      session.add(a);
      assertThat(session.select(QAuthor.author).where(QAuthor.author.name.eq("fay")).count()).isEqualTo(1);
      return a;
    });
    assertThat(saved.id).isNotNull();
    assertThat(authors("fay")).isEqualTo(1);
    Author again = transactions.execute(status -> session.get(Author.class, saved.id));
    assertThat(again.name).isEqualTo("fay");
    assertThat(again).isNotSameAs(saved); // one session per transaction
  }

  @Test
  void sharedSessionOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> session.add(new Author("gil"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@Transactional");
    assertThatThrownBy(session::close).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sessionPerRequestCommitsWhenTheRequestSucceeds() {
    sessions.inRequest(() -> {
      session.add(new Author("hal"));
      return null;
    });
    assertThat(authors("hal")).isEqualTo(1);
    assertThatThrownBy(() -> sessions.inRequest(() -> {
      session.add(new Author("ivy"));
      session.flush();
      throw new IllegalStateException("request fails");
    })).hasMessage("request fails");
    assertThat(authors("ivy")).isZero();
  }

  @Test
  void healthIndicatorRunsAValidationQuery() {
    var health = quarryHealthIndicator.health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("database", vendor().displayName()).containsKey("pool");
  }
}
