package dev.quarry.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import dev.quarry.engine.EngineListener;
import dev.quarry.engine.Transaction;
import dev.quarry.orm.Session;
import dev.quarry.spring.app.Author;
import dev.quarry.spring.app.TestApplication;
import dev.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** What waits for a commit inside a Spring transaction runs after Spring's commit, never after its rollback. */
@SpringBootTest(classes = TestApplication.class, properties = {
    "spring.datasource.url=jdbc:h2:mem:quarry_boot;DB_CLOSE_DELAY=-1",
    "spring.datasource.hikari.maximum-pool-size=4"})
class SpringAfterCommitTest {
  @Autowired Engine engine;
  @Autowired Session session;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final EngineListener listener = new EngineListener() {
    @Override
    public void changesCommitted(Set<String> tables) {
      log.add("changed " + new java.util.TreeSet<>(tables));
    }
  };

  @BeforeEach
  void listen() {
    jdbc.update("DELETE FROM boot_books");
    jdbc.update("DELETE FROM boot_authors");
    engine.addListener(listener);
  }

  @AfterEach
  void stopListening() {
    engine.removeListener(listener);
  }

  private void insertAndRegister(Connection c, String name) {
    c.executeUpdate(Sql.text("INSERT INTO boot_authors (name) VALUES (:n)").bind("n", name).writes("boot_authors"));
    c.afterCommit(() -> log.add("action " + name));
  }

  @Test
  void aQuarryTransactionJoinedToSpringsRunsItsActionsAfterSpringCommits() {
    transactions.executeWithoutResult(status -> {
      try (Connection c = engine.connect()) {
        Transaction tx = c.begin();
        insertAndRegister(c, "ann");
        tx.commit();
      }
      assertThat(log).as("Quarry's commit of the joined transaction is not Spring's").isEmpty();
    });
    assertThat(log).containsExactly("changed [boot_authors]", "action ann");
  }

  @Test
  void statementsOutsideAQuarryTransactionWaitForSpringsCommitToo() {
    transactions.executeWithoutResult(status -> {
      try (Connection c = engine.connect()) {
        insertAndRegister(c, "bob");
      }
      assertThat(log).isEmpty();
    });
    assertThat(log).containsExactly("changed [boot_authors]", "action bob");
  }

  @Test
  void nothingRunsAfterSpringRollsBack() {
    transactions.executeWithoutResult(status -> {
      try (Connection c = engine.connect()) {
        Transaction tx = c.begin();
        insertAndRegister(c, "cat");
        tx.commit();
        insertAndRegister(c, "dan");
      }
      status.setRollbackOnly();
    });
    assertThat(log).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM boot_authors", Integer.class)).isZero();
  }

  @Test
  void withoutASpringTransactionActionsRunAtOnce() {
    try (Connection c = engine.connect()) {
      insertAndRegister(c, "eve");
      assertThat(log).containsExactly("changed [boot_authors]", "action eve");
    }
  }

  /** The session's joined transaction commits while Spring completes its own, after Spring's commit. */
  @Test
  void aSessionsTransactionRunsItsActionsAfterSpringCommitsAndNotAfterItRollsBack() {
    transactions.executeWithoutResult(status -> {
      session.add(new Author("fay"));
      session.connection().afterCommit(() -> log.add("session committed"));
      session.connection().executeUpdate(Sql.text("DELETE FROM boot_books"));
      assertThat(log).isEmpty();
    });
    assertThat(log).containsExactly("changed [*]", "session committed");
    log.clear();
    transactions.executeWithoutResult(status -> {
      session.add(new Author("gus"));
      session.connection().afterCommit(() -> log.add("never"));
      session.connection().executeUpdate(Sql.text("DELETE FROM boot_books"));
      status.setRollbackOnly();
    });
    assertThat(log).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM boot_authors WHERE name = 'gus'", Integer.class)).isZero();
  }
}
