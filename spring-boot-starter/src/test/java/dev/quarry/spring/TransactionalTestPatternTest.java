package dev.quarry.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.orm.Session;
import dev.quarry.spring.app.Author;
import dev.quarry.spring.app.LibraryService;
import dev.quarry.spring.app.QAuthor;
import dev.quarry.spring.app.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.annotation.Transactional;

/** The documented testing pattern: each test method is one Spring transaction, rolled back at its end. */
@SpringBootTest(classes = TestApplication.class, properties = {
    "spring.datasource.url=jdbc:h2:mem:quarry_boot;DB_CLOSE_DELAY=-1",
    "spring.datasource.hikari.maximum-pool-size=4"})
@Transactional
class TransactionalTestPatternTest {
  @Autowired Session session;
  @Autowired LibraryService library;
  @Autowired JdbcTemplate jdbc;

  @Test
  void servicesAndTheTestShareTheTestsTransaction() {
    library.addAuthor("rolled-back"); // REQUIRED: joins the test's transaction and its session
    session.add(new Author("also-rolled-back"));
    assertThat(session.select(QAuthor.author).where(QAuthor.author.name.like("%rolled-back")).count()).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM boot_authors WHERE name LIKE '%rolled-back'",
        Integer.class)).isEqualTo(2);
  }

  @AfterTransaction
  void nothingWasCommitted() {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM boot_authors WHERE name LIKE '%rolled-back'",
        Integer.class)).isZero();
  }
}
