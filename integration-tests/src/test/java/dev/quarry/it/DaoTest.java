package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Engine;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.engine.NonUniqueResultException;
import dev.quarry.engine.UniqueViolationException;
import dev.quarry.orm.EntityNotFoundException;
import dev.quarry.spi.Mappings;
import dev.quarry.types.Vendor;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated DAO's queries, counts, deletes and transactions, and registry discovery. */
class DaoTest {
  @AllDatabases
  void findersCountsAndDeletes(TestDatabase db) {
    Engine engine = Databases.create(db, QInvoice.invoice);
    Vendor vendor = db.vendor();
    InvoiceDao dao = new InvoiceDao(engine);
    dao.insertAll(List.of(KeysTest.invoice("acme", "5.00"), KeysTest.invoice("acme", "50.00"),
        KeysTest.invoice("globex", "500.00")));
    assertEquals(List.of(1L, 2L, 3L), dao.findAll().stream().map(i -> i.number).toList());
    List<Invoice> big = dao.findBy(QInvoice.invoice.amount.gt(new BigDecimal("10")));
    assertEquals(List.of(2L, 3L), big.stream().map(i -> i.number).toList());
    assertEquals(2, dao.count(QInvoice.invoice.customer.eq("acme")));
    assertTrue(dao.exists(QInvoice.invoice.customer.eq("globex")));
    assertFalse(dao.exists(QInvoice.invoice.customer.eq("initech")));
    assertThrows(NonUniqueResultException.class, () -> dao.findOneBy(QInvoice.invoice.customer.eq("acme")));
    assertEquals(3L, dao.findOneBy(QInvoice.invoice.customer.eq("globex")).orElseThrow().number);
    Invoice first = dao.findById(1L).orElseThrow();
    assertTrue(dao.delete(first));
    assertFalse(dao.delete(first), "already gone");
    assertTrue(dao.deleteById(2L));
    assertFalse(dao.deleteById(2L));
    assertEquals(1, dao.count());
    assertTrue(dao.findById(1L).isEmpty());
  }

  @AllDatabases
  void insertAllIsOneTransaction(TestDatabase db) {
    Engine engine = Databases.create(db, QTag.tag);
    Vendor vendor = db.vendor();
    TagDao tags = new TagDao(engine);
    tags.insert(KeysTest.tag("taken"));
    assertThrows(UniqueViolationException.class,
        () -> tags.insertAll(List.of(KeysTest.tag("fresh"), KeysTest.tag("taken"))));
    assertEquals(1, tags.count(), "the batch was rolled back as a whole");
  }

  @AllDatabases
  void daoJoinsTheTransactionOfAConnection(TestDatabase db) {
    Engine engine = Databases.create(db, QTag.tag);
    Vendor vendor = db.vendor();
    assertThrows(IllegalStateException.class, () -> engine.inTransaction(c -> {
      new TagDao(c).insert(KeysTest.tag("rolled back"));
      assertEquals(1, new TagDao(c).count());
      throw new IllegalStateException("abort");
    }));
    assertEquals(0, new TagDao(engine).count());
  }

  @AllDatabases
  void entitiesThatAreOnlyTheirKey(TestDatabase db) {
    Engine engine = Databases.create(db, QPair.pair);
    PairDao pairs = new PairDao(engine);
    Pair p = new Pair();
    p.left = 1;
    p.right = 2;
    pairs.insert(p);
    assertTrue(pairs.existsById(new PairKey(1, 2)));
    pairs.update(p); // nothing to write; the row exists
    Pair missing = new Pair();
    missing.left = 2;
    missing.right = 1;
    assertThrows(EntityNotFoundException.class, () -> pairs.update(missing));
    assertTrue(pairs.delete(p));
    assertEquals(0, pairs.count());
  }

  @Test
  void snapshotsDetectChangesIncludingArraysChangedInPlace() {
    AllTypes t = RoundTripTest.largest(Vendor.H2);
    AllTypes_Mapping m = AllTypes_Mapping.INSTANCE;
    Object[] snapshot = m.snapshot(t);
    assertEquals(0, m.dirtyColumns(t, snapshot).length);
    t.bytes[0] = 42;
    t.text = "changed";
    t.primitiveInt = 7;
    assertEquals(List.of(QAllTypes.allTypes.primitiveInt.index(), QAllTypes.allTypes.text.index(),
        QAllTypes.allTypes.bytes.index()), java.util.Arrays.stream(m.dirtyColumns(t, snapshot)).boxed().toList());
  }

  @Test
  void registryListsEveryMappingOfTheCompilation() {
    assertEquals(AllTypes_Mapping.INSTANCE, Mappings.of(AllTypes.class));
    assertEquals(Purchase_Mapping.INSTANCE, Mappings.of(Purchase.class));
    for (Class<?> type : List.of(AllTypes.class, Tag.class, Invoice.class, Enrollment.class, Document.class,
        Customer.class, Purchase.class)) {
      assertEquals(type, Mappings.of(type).entityType());
    }
    Purchase managed = Purchase_Mapping.INSTANCE.newManagedInstance(null);
    assertEquals(Purchase_Mapping.INSTANCE, Mappings.of(managed.getClass()), "generated subclasses map too");
  }
}
