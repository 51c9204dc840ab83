package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.engine.CommitOutcomeUnknownException;
import dev.quarry.engine.ConnectionLostException;
import dev.quarry.engine.Engine;
import dev.quarry.engine.Result;
import dev.quarry.orm.EntityState;
import dev.quarry.orm.PendingRollbackException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.SessionListener;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.List;

/**
 * A connection lost after COMMIT was sent: the error says the outcome is unknown, and the objects
 * of the transaction stay detached with their ids, so {@code merge} retries them without inserting
 * a row twice — whether the commit landed or not. The connection is lost for real: the server
 * terminates the session's backend between its flush and its COMMIT.
 */
class CommitOutcomeTest {
  /** Flushes, then has the server end this session's connection, so the COMMIT goes to a dead socket. */
  private static SessionListener dropConnectionBeforeCommit(Engine engine) {
    return new SessionListener() {
      @Override
      public void beforeCommit(Session session) {
        session.flush();
        int pid;
        try (Result r = session.execute(Sql.text("SELECT pg_backend_pid()"))) {
          pid = ((Number) r.fetchAll().get(0).get(0)).intValue();
        }
        try (dev.quarry.engine.Connection other = engine.connect();
            Result r = other.execute(Sql.text("SELECT pg_terminate_backend(" + pid + ")"))) {
          r.fetchAll();
        }
      }
    };
  }

  @AllDatabases(TestDatabase.Kind.POSTGRES)
  void aLostCommitSaysItsOutcomeIsUnknownAndMergeRetriesWithoutDuplicates(TestDatabase db) {
    Engine engine = Databases.create(db, QAccount.account, QDocument.document);
    SessionFactory factory = SessionFactory.builder(engine).build();
    Account account = new Account(1, "ali", 100);
    Document document = new Document();
    document.title = "report";
    try (Session s = factory.openSession()) {
      s.add(account);
      s.add(document);
      s.addListener(dropConnectionBeforeCommit(engine));
      CommitOutcomeUnknownException e = assertThrows(CommitOutcomeUnknownException.class, s::commit);
      assertInstanceOf(ConnectionLostException.class, e, "callers that handle a lost connection still do");
      assertEquals(EntityState.DETACHED, s.state(account), "not transient: its row may exist");
      assertEquals(EntityState.DETACHED, s.state(document));
      assertNotNull(document.id, "the generated id is kept");
      assertEquals(1L, account.version, "and the version the flush gave it");
      assertThrows(PendingRollbackException.class, () -> s.get(Account.class, 1L));
      s.rollback();
    }
    // The server ended the backend before COMMIT reached it: nothing landed; merge inserts.
    try (Session s = factory.openSession()) {
      Account merged = s.merge(account);
      s.merge(document);
      s.commit();
      assertEquals(1L, merged.version);
    }
    assertEquals(1, new AccountDao(engine).count());
    assertEquals(List.of("report"), new DocumentDao(engine).findAll().stream().map(d -> d.title).toList());
  }

  @AllDatabases(TestDatabase.Kind.POSTGRES)
  void mergeAfterALostCommitUpdatesTheRowWhenTheCommitLanded(TestDatabase db) {
    Engine engine = Databases.create(db, QAccount.account);
    SessionFactory factory = SessionFactory.builder(engine).build();
    Account account = new Account(1, "ali", 100);
    try (Session s = factory.openSession()) {
      s.add(account);
      s.addListener(dropConnectionBeforeCommit(engine));
      assertThrows(CommitOutcomeUnknownException.class, s::commit);
      s.rollback();
    }
    // As if the COMMIT had landed and only its acknowledgement was lost: the row is there.
    new AccountDao(engine).insert(new Account(1, "ali", 100));
    account.setBalance(150);
    try (Session s = factory.openSession()) {
      s.merge(account);
      s.commit();
    }
    Account stored = new AccountDao(engine).findById(1L).orElseThrow();
    assertEquals(150, stored.getBalance(), "updated, not inserted twice");
    assertEquals(1, new AccountDao(engine).count());
  }
}
