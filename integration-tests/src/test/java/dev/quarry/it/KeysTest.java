package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Engine;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.sql.Sql;
import dev.quarry.types.Vendor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Identity, pooled sequence, client UUID and composite keys, and foreign-key references. */
class KeysTest {
  @AllDatabases
  void identityKeysAreReadBackAfterInsert(TestDatabase db) {
    Engine engine = Databases.create(db, QCustomer.customer, QPurchase.purchase);
    Vendor vendor = db.vendor();
    CustomerDao customers = new CustomerDao(engine);
    Customer a = customer("a@example.com");
    Customer b = customer("b@example.com");
    customers.insert(a);
    customers.insert(b);
    assertNotNull(a.id);
    assertTrue(b.id > a.id, "identity values increase");
    assertEquals("b@example.com", customers.findById(b.id).orElseThrow().email);
    assertEquals(a.id, customers.findByEmail("a@example.com").orElseThrow().id);
    List<Customer> batch = List.of(customer("c@example.com"), customer("d@example.com"), customer("e@example.com"));
    customers.insertAll(batch);
    for (int i = 0; i < batch.size(); i++) {
      Customer c = batch.get(i);
      assertNotNull(c.id, "identity key read back from the batch");
      assertEquals(c.email, customers.findById(c.id).orElseThrow().email, "keys matched to rows in order");
    }
    assertTrue(batch.get(0).id > b.id && batch.get(2).id > batch.get(1).id);
  }

  @AllDatabases
  void sequenceKeysComeFromPooledBlocks(TestDatabase db) {
    Engine engine = Databases.create(db, QInvoice.invoice);
    Vendor vendor = db.vendor();
    InvoiceDao invoices = new InvoiceDao(engine);
    List<Long> numbers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      numbers.add(invoices.insert(invoice("acme", "10.00")).number);
    }
    List<Invoice> batch = List.of(invoice("globex", "1.00"), invoice("globex", "2.00"), invoice("acme", "3.00"));
    invoices.insertAll(batch);
    batch.forEach(i -> numbers.add(i.number));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), numbers);
    if (vendor == Vendor.POSTGRESQL) {
      // blocks 1-3, 4-6 and 7-9: three nextval calls for seven ids
      Object last = engine.withConnection(c -> c.execute(Sql.text("SELECT last_value FROM invoice_numbers")).scalar());
      assertEquals(7L, ((Number) last).longValue());
    }
    assertEquals(2, invoices.findByCustomer("globex").size());
    assertEquals(7, invoices.count());
  }

  @AllDatabases
  void clientUuidKeysAreAssignedBeforeInsert(TestDatabase db) {
    Engine engine = Databases.create(db, QTag.tag);
    Vendor vendor = db.vendor();
    TagDao tags = new TagDao(engine);
    Tag red = tag("red");
    tags.insert(red);
    assertNotNull(red.getId());
    List<Tag> more = List.of(tag("green"), tag("blue"));
    tags.insertAll(more);
    Set<UUID> ids = new HashSet<>();
    for (Tag t : tags.findAll()) {
      ids.add(t.getId());
    }
    assertEquals(Set.of(red.getId(), more.get(0).getId(), more.get(1).getId()), ids);
    assertEquals("blue", tags.findById(more.get(1).getId()).orElseThrow().getLabel());
    Tag explicit = tag("explicit");
    UUID chosen = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    explicit.setId(chosen);
    tags.insert(explicit);
    assertEquals(chosen, explicit.getId(), "an id set by the application is kept");
    assertEquals("explicit", tags.findByLabel("explicit").orElseThrow().getLabel());
  }

  @AllDatabases
  void compositeKeysFindUpdateAndDelete(TestDatabase db) {
    Engine engine = Databases.create(db, QEnrollment.enrollment);
    Vendor vendor = db.vendor();
    EnrollmentDao dao = new EnrollmentDao(engine);
    dao.insertAll(List.of(enrollment(1, "math", 10), enrollment(1, "art", 11), enrollment(2, "math", 12)));
    Enrollment found = dao.findById(new EnrollmentKey(1, "art")).orElseThrow();
    assertEquals(11, found.seat);
    assertEquals(new EnrollmentKey(1, "art"), dao.mapping().id(found));
    found.enrolledOn = LocalDate.of(2025, 9, 1);
    dao.update(found);
    assertEquals(LocalDate.of(2025, 9, 1), dao.findById(new EnrollmentKey(1, "art")).orElseThrow().enrolledOn);
    assertEquals(2, dao.findBySeat(12).orElseThrow().studentId);
    assertTrue(dao.deleteById(new EnrollmentKey(1, "math")));
    assertFalse(dao.existsById(new EnrollmentKey(1, "math")));
    assertTrue(dao.existsById(new EnrollmentKey(2, "math")));
    assertEquals(2, dao.count());
  }

  @AllDatabases
  void manyToOneWritesTheForeignKeyAndReadsBackAReference(TestDatabase db) {
    Engine engine = Databases.create(db, QCustomer.customer, QPurchase.purchase);
    Vendor vendor = db.vendor();
    Customer buyer = new CustomerDao(engine).insert(customer("buyer@example.com"));
    PurchaseDao purchases = new PurchaseDao(engine);
    Purchase p = new Purchase();
    p.total = new BigDecimal("99.95");
    p.setCustomer(buyer);
    purchases.insert(p);
    Purchase loaded = purchases.findById(p.id).orElseThrow();
    assertNotSame(buyer, loaded.getCustomer());
    assertEquals(buyer.id, loaded.getCustomer().id, "an unloaded reference carrying the key");
    assertEquals(0, new BigDecimal("99.95").compareTo(loaded.total), "a DECIMAL without declared scale keeps 99.95");
    assertEquals(1, purchases.findByCustomerId(buyer.id).size());
    assertEquals(0, purchases.findByCustomerId(buyer.id + 1).size());
  }

  static Customer customer(String email) {
    Customer c = new Customer();
    c.email = email;
    return c;
  }

  static Invoice invoice(String customer, String amount) {
    Invoice i = new Invoice();
    i.customer = customer;
    i.amount = new BigDecimal(amount);
    return i;
  }

  static Tag tag(String label) {
    Tag t = new Tag();
    t.setLabel(label);
    return t;
  }

  static Enrollment enrollment(long student, String course, int seat) {
    Enrollment e = new Enrollment();
    e.studentId = student;
    e.course = course;
    e.seat = seat;
    return e;
  }
}
