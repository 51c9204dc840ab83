package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.engine.Engine;
import dev.quarry.engine.EngineListener;
import dev.quarry.engine.ExecutionEvent;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.StaleDataException;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the one write path guarantees on every database: server defaults end up in the object,
 * the library owns versions, ids never repeat after the schema is created again, and a flush
 * touches rows in primary-key order.
 */
class WritePathTest {
  @AllDatabases
  void aFlushLeavesServerDefaultsToTheDatabaseAndReadsThemIntoTheObject(TestDatabase db) {
    Engine engine = Databases.create(db, QDocument.document);
    SessionFactory factory = SessionFactory.builder(engine).build();
    Document plain = new Document();
    Document explicit = new Document();
    explicit.status = "final";
    explicit.priority = 1;
    try (Session s = factory.openSession()) {
      s.add(plain);
      s.add(explicit);
      s.commit();
      assertEquals("draft", plain.status, "the server default, read back after the flush");
      assertEquals(7, plain.priority);
      assertEquals("final", explicit.status, "a value the object holds wins over the server default");
      assertEquals(1, explicit.priority);
    }
    DocumentDao dao = new DocumentDao(engine);
    assertEquals("draft", dao.findById(plain.id).orElseThrow().status, "the row holds the default, not NULL");
    assertEquals(7, dao.findById(plain.id).orElseThrow().priority);
    assertEquals("final", dao.findById(explicit.id).orElseThrow().status);
  }

  @AllDatabases
  void newRowsStartAtTheInitialVersionWhateverTheInputSays(TestDatabase db) {
    Engine engine = Databases.create(db, QDocument.document, QAccount.account);
    SessionFactory factory = SessionFactory.builder(engine).build();
    Document d = new Document();
    d.version = 50;
    Account merged = new Account(7, "ali", 10);
    merged.version = 50L;
    try (Session s = factory.openSession()) {
      s.add(d);
      s.bulkInsertMappings(Document.class, List.of(Map.of("title", "bulk", "version", 999)));
      Account attached = s.merge(merged);
      s.commit();
      assertEquals(1, d.version);
      assertEquals(1L, attached.version);
    }
    DocumentDao documents = new DocumentDao(engine);
    for (Document stored : documents.findAll()) {
      assertEquals(1, stored.version, stored.title);
    }
    assertEquals(1L, new AccountDao(engine).findById(7L).orElseThrow().version);
    Document viaDao = documents.insert(new Document());
    assertEquals(1, viaDao.version, "the DAO follows the same rule");
  }

  @AllDatabases
  void mergeWithoutAVersionOntoAnExistingRowIsStaleUnlessAskedToOverwrite(TestDatabase db) {
    Engine engine = Databases.create(db, QAccount.account);
    SessionFactory factory = SessionFactory.builder(engine).build();
    try (Session s = factory.openSession()) {
      s.add(new Account(1, "ali", 100));
      s.commit();
    }
    Account detached = new Account(1, "ali", 500);
    try (Session s = factory.openSession()) {
      assertThrows(StaleDataException.class, () -> s.merge(detached));
    }
    try (Session s = factory.openSession()) {
      Account attached = s.mergeUnversioned(detached);
      s.commit();
      assertEquals(2L, attached.version);
    }
    Account stored = new AccountDao(engine).findById(1L).orElseThrow();
    assertEquals(500, stored.balance);
    assertEquals(2L, stored.version);
  }

  @AllDatabases
  void idsFromASequenceDoNotRepeatAfterTheSchemaIsCreatedAgain(TestDatabase db) {
    Engine engine = Databases.create(db, QInvoice.invoice);
    SessionFactory factory = SessionFactory.builder(engine).build();
    try (Session s = factory.openSession()) {
      s.add(new Invoice());
      s.commit();
    }
    Metadata schema = Metadata.of(QInvoice.invoice);
    schema.dropAll(engine);
    schema.createAll(engine);
    List<Invoice> invoices = new ArrayList<>();
    try (Session s = factory.openSession()) {
      for (int i = 0; i < 10; i++) {
        Invoice invoice = new Invoice();
        invoices.add(invoice);
        s.add(invoice);
      }
      s.commit();
    }
    for (int i = 0; i < invoices.size(); i++) {
      assertEquals(i + 1, invoices.get(i).number, "numbering starts over with the new sequence");
    }
    assertEquals(10, new InvoiceDao(engine).count());
  }

  @AllDatabases
  void sessionFactoriesAndDaosOnOneEngineShareItsIdBlocks(TestDatabase db) {
    Engine engine = Databases.create(db, QInvoice.invoice);
    SessionFactory first = SessionFactory.builder(engine).build();
    SessionFactory second = SessionFactory.builder(engine).build();
    Invoice a = new Invoice();
    Invoice b = new Invoice();
    Invoice c = new Invoice();
    try (Session s = first.openSession()) {
      s.add(a);
      s.commit();
    }
    try (Session s = second.openSession()) {
      s.add(b);
      s.commit();
    }
    new InvoiceDao(engine).insert(c);
    // one block of three (allocationSize = 3) serves all three: the allocator is the engine's
    assertEquals(List.of(1L, 2L, 3L), List.of(a.number, b.number, c.number));
  }

  @AllDatabases
  void aFlushUpdatesRowsInPrimaryKeyOrder(TestDatabase db) {
    Engine engine = Databases.create(db, QAccount.account);
    List<String> updates = new ArrayList<>();
    EngineListener listener = new EngineListener() {
      @Override
      public void afterExecute(ExecutionEvent event) {
        if (event.sql().startsWith("UPDATE")) {
          updates.add(event.sql().substring(0, event.sql().indexOf(" WHERE")) + " first id "
              + event.parameters().get(event.parameters().size() - 2).value() + " x" + event.batchSize());
        }
      }
    };
    SessionFactory factory = SessionFactory.builder(engine).build();
    try (Session s = factory.openSession()) {
      for (long id = 1; id <= 3; id++) {
        s.add(new Account(id, "owner " + id, 100));
      }
      s.commit();
    }
    engine.addListener(listener);
    try (Session s = factory.openSession()) {
      Account three = s.get(Account.class, 3L);
      Account one = s.get(Account.class, 1L);
      Account two = s.get(Account.class, 2L);
      three.setOwner("changed");
      one.setBalance(50);
      two.setOwner("changed");
      s.commit();
    } finally {
      engine.removeListener(listener);
    }
    assertEquals(List.of(
        "UPDATE accounts SET balance = ?, version = ? first id 1 x1",
        "UPDATE accounts SET owner = ?, version = ? first id 2 x2"),
        updates, "rows 1, 2, 3 in key order; consecutive rows changing the same columns share a batch");
  }
}
