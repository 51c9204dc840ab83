package dev.quarry.spring.app;

import dev.quarry.orm.Session;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** @Transactional methods writing through the shared Quarry session, JdbcTemplate and a DAO. */
@Service
public class LibraryService {
  private final Session session;
  private final JdbcTemplate jdbc;
  private final AuthorDao authors;
  private final InnerService inner;

  public LibraryService(Session session, JdbcTemplate jdbc, AuthorDao authors, InnerService inner) {
    this.session = session;
    this.jdbc = jdbc;
    this.authors = authors;
    this.inner = inner;
  }

  @Transactional
  public void addAuthor(String name) {
    session.add(new Author(name));
  }

  @Transactional
  public void addAuthorThenFail(String name) {
    session.add(new Author(name));
    session.flush(); // the INSERT reached the database: only the rollback can undo it
    throw new IllegalStateException("boom");
  }

  /** What one transaction sees through both APIs; rolled back at the end (the exception). */
  @Transactional
  public List<Object> mixQuarryAndJdbcThenFail(String author, String book) {
    session.add(new Author(author));
    session.flush();
    Integer authorsSeenByJdbc = jdbc.queryForObject("SELECT COUNT(*) FROM boot_authors WHERE name = ?",
        Integer.class, author);
    jdbc.update("INSERT INTO boot_books (title) VALUES (?)", book);
    long booksSeenByQuarry = session.select(QBook.book).where(QBook.book.title.eq(book)).count();
    java.sql.Connection spring = DataSourceUtils.getConnection(jdbc.getDataSource());
    boolean sameConnection = session.connection().jdbc() == spring;
    DataSourceUtils.releaseConnection(spring, jdbc.getDataSource());
    throw new MixedResult(List.of(authorsSeenByJdbc, booksSeenByQuarry, sameConnection));
  }

  @Transactional
  public void addAuthorWithDaoThenFail(String name) {
    authors.insert(new Author(name));
    throw new IllegalStateException("boom");
  }

  /** Adds {@code outer}, commits {@code independent} in its own transaction, then fails. */
  @Transactional
  public void outerWithRequiresNewThenFail(String outer, String independent) {
    session.add(new Author(outer));
    session.flush();
    inner.addInNewTransaction(independent);
    throw new IllegalStateException("outer fails");
  }

  /** Adds {@code outer}, then a nested scope that adds {@code nested} and fails; the outer commits. */
  @Transactional
  public void outerWithFailingNested(String outer, String nested) {
    session.add(new Author(outer));
    try {
      inner.addNestedThenFail(nested);
    } catch (IllegalStateException expected) {
      // the nested scope rolled back to its savepoint
    }
  }

  /** Adds {@code outer}, then a nested scope whose flush violates the unique name; the outer commits. */
  @Transactional
  public void outerWithNestedFlushFailure(String outer, String duplicate) {
    session.add(new Author(outer));
    try {
      inner.addNested(duplicate);
    } catch (RuntimeException expected) {
      // unique violation in the nested scope
    }
  }

  /** Catches a failed flush and returns normally: Spring must still roll back. */
  @Transactional
  public void swallowFlushFailure(String name, String duplicate) {
    session.add(new Author(name));
    session.flush();
    session.add(new Author(duplicate));
    try {
      session.flush();
    } catch (RuntimeException swallowed) {
      // the caller pretends nothing happened
    }
  }

  /** Renames an author in a read-only transaction, queries, and returns what the query saw. */
  @Transactional(readOnly = true)
  public long renameInReadOnly(String name, String newName) {
    Author a = session.select(QAuthor.author).where(QAuthor.author.name.eq(name)).one();
    a.name = newName;
    session.add(new Author(newName + "-new"));
    return session.select(QAuthor.author).where(QAuthor.author.name.eq(newName)).count();
  }

  @Transactional(readOnly = true)
  public boolean readOnlySessionIsBound() {
    return session.inTransaction() || !session.isModified();
  }
}
