package dev.quarry.it.binds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Engine;
import dev.quarry.orm.PartialCommitException;
import dev.quarry.orm.PendingRollbackException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.testing.TestDatabase.Kind;
import java.util.List;
import java.util.UUID;

/**
 * Several databases per session factory (SQLAlchemy's binds): an entity bound to another engine is
 * read and written there, in a transaction of its own that the session commits after the factory's.
 */
class BindsTest {
  private static Engine factoryDatabase() {
    return Engine.create("jdbc:h2:mem:binds_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  private static long count(Engine engine, String table) {
    return ((Number) countOf(engine, table)).longValue();
  }

  private static Object countOf(Engine engine, String table) {
    return engine.inTransaction(c -> c.execute(Sql.text("SELECT COUNT(*) AS n FROM " + table)).fetchAll().get(0)
        .get(0));
  }

  @AllDatabases
  void eachEntityIsReadAndWrittenInItsOwnDatabase(TestDatabase archive) {
    try (Engine main = factoryDatabase()) {
      SessionFactory sessions = SessionFactory.builder(main).bind(ArchivedOrder.class, archive.engine()).build();
      List<String> ddl = sessions.createAll(Metadata.of(QCustomer.customer, QArchivedOrder.archivedOrder));
      assertEquals(2, ddl.size(), ddl.toString());
      long[] ids = sessions.inTransaction(s -> {
        Customer ann = new Customer("ann");
        s.add(ann);
        s.flush();
        ArchivedOrder order = new ArchivedOrder(ann.id, 42);
        s.add(order);
        s.flush();
        return new long[] {ann.id, order.id};
      });
      assertEquals(1, count(main, "bind_customers"));
      assertEquals(1, count(archive.engine(), "bind_orders"));
      try (Session s = sessions.openSession()) {
        ArchivedOrder order = s.get(ArchivedOrder.class, ids[1]);
        assertEquals(42, order.getTotal());
        assertEquals("ann", s.get(Customer.class, ids[0]).getName());
        assertEquals(1, s.select(ArchivedOrder.class).where(QArchivedOrder.archivedOrder.total.gt(10)).list().size());
        order.setTotal(43);
        // a Core statement goes to the database of its tables
        s.execute(Sql.update(QCustomer.customer).set(QCustomer.customer.name, "bea")).close();
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> s.execute(
            Sql.select(QCustomer.customer.name).from(QCustomer.customer).join(QArchivedOrder.archivedOrder,
                QArchivedOrder.archivedOrder.customerId.eq(QCustomer.customer.id))).close());
        assertTrue(both.getMessage().contains("two databases"), both.getMessage());
        s.commit();
      }
      try (Session s = sessions.openSession()) {
        assertEquals(43, s.get(ArchivedOrder.class, ids[1]).getTotal());
        assertEquals("bea", s.get(Customer.class, ids[0]).getName());
      }
      // a rollback rolls back both
      try (Session s = sessions.openSession()) {
        s.add(new Customer("cid"));
        s.add(new ArchivedOrder(ids[0], 1));
        s.flush();
        s.rollback();
      }
      assertEquals(1, count(main, "bind_customers"));
      assertEquals(1, count(archive.engine(), "bind_orders"));
    }
  }

  @AllDatabases({Kind.POSTGRES})
  void aFailedCommitAfterTheFirstDatabaseCommittedNamesWhichCommitted(TestDatabase archive) {
    try (Engine main = factoryDatabase()) {
      SessionFactory sessions = SessionFactory.builder(main).bind(ArchivedOrder.class, archive.engine()).build();
      sessions.createAll(Metadata.of(QCustomer.customer, QArchivedOrder.archivedOrder));
      // a constraint PostgreSQL checks only at commit makes the archive's commit fail after the main one
      archive.execute("CREATE TABLE bind_refs (id BIGINT PRIMARY KEY)",
          "ALTER TABLE bind_orders ADD CONSTRAINT bind_orders_customer FOREIGN KEY (customer_id) "
              + "REFERENCES bind_refs (id) DEFERRABLE INITIALLY DEFERRED");
      try (Session s = sessions.openSession()) {
        s.add(new Customer("ann"));
        s.add(new ArchivedOrder(999L, 1));
        s.flush();
        PartialCommitException e = assertThrows(PartialCommitException.class, s::commit);
        assertEquals(1, e.committed().size());
        assertTrue(e.committed().get(0).startsWith("jdbc:h2:mem:binds_"), e.committed().toString());
        assertTrue(e.failed().startsWith("jdbc:postgresql:"), e.failed());
        assertThrows(PendingRollbackException.class, () -> s.get(Customer.class, 1L));
        s.rollback();
      }
      assertEquals(1, count(main, "bind_customers"), "the factory's database committed");
      assertEquals(0, count(archive.engine(), "bind_orders"), "the archive rolled back");
    }
  }
}
