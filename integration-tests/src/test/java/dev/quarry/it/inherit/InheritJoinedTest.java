package dev.quarry.it.inherit;

import dev.quarry.it.StatementLog;
import static dev.quarry.it.inherit.InheritSingleTableTest.entityClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.Load;
import dev.quarry.orm.OrmException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.Synchronize;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.Vendor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Joined-table inheritance with Payment / CardPayment / BankTransfer / InstantTransfer: one table
 * per class, the subclass tables keyed by a foreign key to their parent's; polymorphic and subclass
 * queries in one statement, the unit of work across tables, relationships to the base — on SQLite,
 * H2 and PostgreSQL.
 */
class InheritJoinedTest {
  private final StatementLog log = new StatementLog();

  private record Ids(long payment, long card, long transfer, long instant, long invoice) {}

  private SessionFactory create(TestDatabase db) {
    Metadata.of(QInvoice.invoice, QPayment.payment, QCardPayment.cardPayment, QRefund.refund).createAll(db.engine());
    return log.sessions(db.engine());
  }

  private static Ids fixtures(SessionFactory sessions) {
    try (Session s = sessions.openSession()) {
      Invoice invoice = new Invoice("INV-1");
      Payment p = new Payment("Pat", 10);
      CardPayment c = new CardPayment("Cid", 20, "4111", "visa");
      BankTransfer t = new BankTransfer("Tom", 30, "DE00");
      InstantTransfer i = new InstantTransfer("Ivy", 40, "FR00", 5);
      for (Payment x : List.of(p, c, t, i)) {
        x.setInvoice(invoice);
      }
      s.addAll(List.of(invoice, p, c, t, i));
      s.commit();
      return new Ids(p.getId(), c.getId(), t.getId(), i.getId(), invoice.getId());
    }
  }

  private List<String> sql() {
    return log.take();
  }

  @Test
  void eachClassHasItsOwnTableKeyedByAForeignKeyToItsParent() {
    List<Table> stored = QPayment.payment.storedTables();
    assertEquals(List.of("jn_payment", "bank_transfer", "jn_instant_transfer", "jn_card_payment"),
        stored.stream().map(Table::name).toList());
    assertSame(stored, QInstantTransfer.instantTransfer.storedTables());
    List<String> ddl = Metadata.of(QPayment.payment, QCardPayment.cardPayment).createStatements(Vendor.POSTGRESQL);
    assertEquals(5, ddl.size(), "four tables (each once) and the root's index: " + ddl);
    assertTrue(ddl.get(0).startsWith("CREATE TABLE jn_payment"), ddl.get(0));
    assertTrue(ddl.get(0).contains("kind VARCHAR(20) NOT NULL"), "the discriminator is the root's");
    assertEquals("""
        CREATE TABLE jn_card_payment (
          id BIGINT NOT NULL,
          card_number VARCHAR(255),
          network VARCHAR(255) NOT NULL,
          PRIMARY KEY (id),
          CONSTRAINT fk_jn_card_payment_jn_payment FOREIGN KEY (id) REFERENCES jn_payment (id) ON DELETE CASCADE
        )""", ddl.get(4));
    assertTrue(ddl.get(3).contains("REFERENCES bank_transfer (id) ON DELETE CASCADE"), ddl.get(3));
    // the Q-class of a subclass exposes inherited, own and discriminator columns
    assertEquals("payer", QInstantTransfer.instantTransfer.payer.name());
    assertEquals("iban", QInstantTransfer.instantTransfer.iban.name());
    assertEquals("seconds", QInstantTransfer.instantTransfer.seconds.name());
    assertEquals("kind", QCardPayment.cardPayment.kind.name());
  }

  @AllDatabases
  void insertWritesTheParentRowThenTheChildRows(TestDatabase db) {
    SessionFactory sessions = create(db);
    log.clear();
    Ids ids = fixtures(sessions);
    String root = "INSERT INTO jn_payment (payer, amount, version, invoice_id, kind) "
        + "VALUES (?, ?, ?, ?, ?)";
    String transfer = "INSERT INTO bank_transfer (id, iban) VALUES (?, ?)";
    assertEquals(quoted(db, "INSERT INTO jn_invoice (number) VALUES (?)", root, root,
        "INSERT INTO jn_card_payment (id, card_number, network) VALUES (?, ?, ?)", root, transfer,
        root, transfer, "INSERT INTO jn_instant_transfer (id, seconds) VALUES (?, ?)"), sql(),
        "the parent row first; its generated key is the children's key");
    List<Object> kinds = db.engine().withConnection(c -> c.execute(Sql.text(db.quoted(
        "SELECT kind FROM jn_payment ORDER BY id"))).map(r -> r.get(0)));
    assertEquals(List.of("Payment", "card", "transfer", "InstantTransfer"), kinds);
    assertEquals(4, count(db, "jn_payment"));
    assertEquals(2, count(db, "bank_transfer"));
    assertEquals(1, count(db, "jn_instant_transfer"));
    assertEquals(1, count(db, "jn_card_payment"));
    assertTrue(ids.payment() < ids.instant());
  }

  @AllDatabases
  void severalNewObjectsOfOneClassGetTheirOwnKeysInEveryTable(TestDatabase db) {
    SessionFactory sessions = create(db);
    List<InstantTransfer> made = List.of(new InstantTransfer("A", 1, "IBAN-A", 1),
        new InstantTransfer("B", 2, "IBAN-B", 2), new InstantTransfer("C", 3, "IBAN-C", 3));
    try (Session s = sessions.openSession()) {
      s.addAll(made);
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      for (InstantTransfer m : made) {
        InstantTransfer loaded = s.get(InstantTransfer.class, m.getId());
        assertEquals(m.getPayer(), loaded.getPayer());
        assertEquals(m.getIban(), loaded.getIban());
        assertEquals(m.getSeconds(), loaded.getSeconds());
      }
    }
    assertEquals(3, count(db, "jn_instant_transfer"));
  }

  @AllDatabases
  void queryingTheBaseReturnsInstancesOfTheRightSubclassesInOneStatement(TestDatabase db) {
    SessionFactory sessions = create(db);
    Ids ids = fixtures(sessions);
    try (Session s = sessions.openSession()) {
      log.clear();
      List<Payment> all = s.select(Payment.class).orderBy(QPayment.payment.id.asc()).list();
      String union = "SELECT jn_payment.id, jn_payment.payer, jn_payment.amount, "
          + "jn_payment.version, jn_payment.invoice_id, jn_payment.kind, bank_transfer.iban, "
          + "jn_instant_transfer.seconds, jn_card_payment.card_number, jn_card_payment.network "
          + "FROM jn_payment LEFT JOIN bank_transfer ON bank_transfer.id = jn_payment.id "
          + "LEFT JOIN jn_instant_transfer ON jn_instant_transfer.id = bank_transfer.id "
          + "LEFT JOIN jn_card_payment ON jn_card_payment.id = jn_payment.id";
      assertEquals(quoted(db, "SELECT jn_payment.id, jn_payment.payer, jn_payment.amount, "
          + "jn_payment.version, jn_payment.invoice_id, jn_payment.kind, jn_payment.iban, "
          + "jn_payment.seconds, jn_payment.card_number, jn_payment.network FROM (" + union
          + ") AS jn_payment ORDER BY jn_payment.id"), sql(),
          "one statement: the root LEFT OUTER JOIN every subclass table");
      assertEquals(List.of(Payment.class, CardPayment.class, BankTransfer.class, InstantTransfer.class),
          all.stream().map(InheritSingleTableTest::entityClass).toList());
      assertEquals("visa", ((CardPayment) all.get(1)).getNetwork());
      assertEquals("DE00", ((BankTransfer) all.get(2)).getIban());
      assertEquals(5, ((InstantTransfer) all.get(3)).getSeconds());
      assertEquals("FR00", ((InstantTransfer) all.get(3)).getIban());
      assertEquals(40L, all.get(3).getAmount());
      assertEquals(ids.instant(), all.get(3).getId());
      // hand-written SQL joins the tables itself; each row is read as its discriminator's class, by column name
      List<Payment> fromText = s.fromStatement(Payment.class, Sql.text(db.quoted("SELECT p.*, b.iban, i.seconds, "
          + "c.card_number, c.network FROM jn_payment p LEFT JOIN bank_transfer b ON b.id = p.id "
          + "LEFT JOIN jn_instant_transfer i ON i.id = p.id LEFT JOIN jn_card_payment c ON c.id = "
          + "p.id WHERE p.id >= :id ORDER BY p.id")).bind("id", ids.transfer()));
      assertEquals(List.of(all.get(2), all.get(3)), fromText);
    }
  }

  @AllDatabases
  void queryingASubclassFiltersToItWithPredicatesOnInheritedAndOwnColumns(TestDatabase db) {
    SessionFactory sessions = create(db);
    fixtures(sessions);
    try (Session s = sessions.openSession()) {
      log.clear();
      List<BankTransfer> transfers = s.select(BankTransfer.class).orderBy(QBankTransfer.bankTransfer.id.asc()).list();
      String select = sql().get(0);
      assertTrue(select.contains(db.quoted("FROM jn_payment JOIN bank_transfer ON bank_transfer.id = "
          + "jn_payment.id LEFT JOIN jn_instant_transfer")), "INNER JOIN up to the root: " + select);
      assertFalse(select.contains(db.quoted("JOIN jn_card_payment")), "another branch's table is not joined: " + select);
      assertTrue(select.contains("CAST(NULL AS "), "its columns are typed NULLs: " + select);
      assertTrue(select.endsWith(db.quoted(") AS jn_payment WHERE jn_payment.kind IN (?, ?) "
          + "ORDER BY jn_payment.id")), select);
      assertEquals(List.of("Tom", "Ivy"), transfers.stream().map(Payment::getPayer).toList());
      assertEquals(InstantTransfer.class, entityClass(transfers.get(1)));
      List<BankTransfer> found = s.select(QBankTransfer.bankTransfer)
          .where(QBankTransfer.bankTransfer.amount.gt(35L), QBankTransfer.bankTransfer.iban.like("FR%")).list();
      assertEquals(1, found.size());
      assertEquals("Ivy", found.get(0).getPayer());
      assertEquals(1, s.select(CardPayment.class).where(QCardPayment.cardPayment.network.eq("visa")).count());
      assertEquals(0, s.select(CardPayment.class).where(QCardPayment.cardPayment.payer.eq("Tom")).count());
      assertEquals(1, s.select(InstantTransfer.class).where(QInstantTransfer.instantTransfer.seconds.lt(10)).count());
      // an alias of a subclass's metamodel reads through the same join
      QBankTransfer b = QBankTransfer.bankTransfer.as("b");
      assertEquals(2, s.select(b).where(b.iban.isNotNull()).count());
    }
  }

  @AllDatabases
  void identityIsKeyedByTheRoot(TestDatabase db) {
    SessionFactory sessions = create(db);
    Ids ids = fixtures(sessions);
    try (Session s = sessions.openSession()) {
      Payment asPayment = s.get(Payment.class, ids.instant());
      assertInstanceOf(InstantTransfer.class, asPayment);
      assertSame(asPayment, s.get(BankTransfer.class, ids.instant()));
      assertSame(asPayment, s.get(InstantTransfer.class, ids.instant()));
      assertNull(s.get(CardPayment.class, ids.instant()));
      BankTransfer fromQuery = s.select(BankTransfer.class).where(QBankTransfer.bankTransfer.id.eq(ids.instant())).one();
      assertSame(asPayment, fromQuery, "one row, one object");
    }
    try (Session s = sessions.openSession()) {
      assertNull(s.get(CardPayment.class, ids.transfer()));
      assertEquals(BankTransfer.class, entityClass(s.get(Payment.class, ids.transfer())));
      assertEquals(Payment.class, entityClass(s.get(Payment.class, ids.payment())));
      assertNull(s.get(BankTransfer.class, ids.payment()));
    }
  }

  @AllDatabases
  void updatesWriteOnlyTheTablesWithDirtyColumnsAndBumpTheVersion(TestDatabase db) {
    SessionFactory sessions = create(db);
    Ids ids = fixtures(sessions);
    try (Session s = sessions.openSession()) {
      InstantTransfer i = s.get(InstantTransfer.class, ids.instant());
      Integer version = i.getVersion();
      i.setSeconds(7);
      log.clear();
      s.commit();
      assertEquals(quoted(db, "UPDATE jn_payment SET version = ? WHERE jn_payment.id = ? AND jn_payment.version = ?",
          "UPDATE jn_instant_transfer SET seconds = ? WHERE jn_instant_transfer.id = ?"), updates(),
          "the version is the root's: bumped and checked although only a subclass column changed");
      assertEquals(version + 1, i.getVersion());
    }
    try (Session s = sessions.openSession()) {
      InstantTransfer i = s.get(InstantTransfer.class, ids.instant());
      assertEquals(7, i.getSeconds());
      i.setPayer("Ivy B");
      i.setIban("FR11");
      log.clear();
      s.commit();
      assertEquals(quoted(db, "UPDATE jn_payment SET payer = ?, version = ? WHERE jn_payment.id = ? AND "
          + "jn_payment.version = ?", "UPDATE bank_transfer SET iban = ? WHERE bank_transfer.id = ?"), updates(),
          "only the tables with changed columns");
    }
    try (Session s = sessions.openSession()) {
      InstantTransfer i = s.get(InstantTransfer.class, ids.instant());
      assertEquals("Ivy B", i.getPayer());
      assertEquals("FR11", i.getIban());
      assertEquals(7, i.getSeconds());
    }
  }

  @AllDatabases
  void deleteRemovesTheChildRowsThenTheRoot(TestDatabase db) {
    SessionFactory sessions = create(db);
    Ids ids = fixtures(sessions);
    try (Session s = sessions.openSession()) {
      s.delete(s.get(Payment.class, ids.instant()));
      log.clear();
      s.commit();
      assertEquals(quoted(db, "DELETE FROM jn_instant_transfer WHERE jn_instant_transfer.id = ?",
          "DELETE FROM bank_transfer WHERE bank_transfer.id = ?",
          "DELETE FROM jn_payment WHERE jn_payment.id = ? AND jn_payment.version = ?"),
          sql().stream().filter(x -> x.startsWith("DELETE")).toList(), "the children's rows first");
    }
    assertEquals(3, count(db, "jn_payment"));
    assertEquals(1, count(db, "bank_transfer"));
    assertEquals(0, count(db, "jn_instant_transfer"));
    try (Session s = sessions.openSession()) {
      assertNull(s.get(Payment.class, ids.instant()));
      assertEquals(1, s.select(BankTransfer.class).count());
    }
  }

  @AllDatabases
  void relationshipsToTheBaseLoadTheRightClasses(TestDatabase db) {
    SessionFactory sessions = create(db);
    Ids ids = fixtures(sessions);
    long refundId;
    try (Session s = sessions.openSession()) {
      Refund r = new Refund("duplicate", s.get(Payment.class, ids.instant()));
      s.add(r);
      s.commit();
      refundId = r.getId();
    }
    try (Session s = sessions.openSession()) {
      Refund r = s.get(Refund.class, refundId);
      assertEquals(InstantTransfer.class, entityClass(r.getPayment()), "lazy");
      assertEquals(5, ((InstantTransfer) r.getPayment()).getSeconds());
    }
    for (Load load : List.of(Load.joined(QRefund.refund.payment), Load.selectIn(QRefund.refund.payment))) {
      try (Session s = sessions.openSession()) {
        Refund r = s.select(Refund.class).options(load).one();
        assertEquals(InstantTransfer.class, entityClass(r.getPayment()), load.toString());
        assertEquals("FR00", ((InstantTransfer) r.getPayment()).getIban(), load.toString());
      }
    }
    List<Class<?>> expected = List.of(Payment.class, CardPayment.class, BankTransfer.class, InstantTransfer.class);
    try (Session s = sessions.openSession()) {
      Invoice invoice = s.get(Invoice.class, ids.invoice());
      assertEquals(expected, invoice.getPayments().stream().map(InheritSingleTableTest::entityClass).toList());
    }
    for (Load load : List.of(Load.joined(QInvoice.invoice.payments), Load.selectIn(QInvoice.invoice.payments))) {
      try (Session s = sessions.openSession()) {
        Invoice invoice = s.select(Invoice.class).options(load).one();
        assertEquals(expected, invoice.getPayments().stream().map(InheritSingleTableTest::entityClass).toList(),
            load.toString());
        assertEquals("visa", ((CardPayment) invoice.getPayments().get(1)).getNetwork());
      }
    }
    try (Session s = sessions.openSession()) {
      assertEquals(List.of(ids.card()), s.get(Invoice.class, ids.invoice()).getCards().stream()
          .map(Payment::getId).toList(), "a collection of a subclass holds only its rows (lazy)");
    }
    for (Load load : List.of(Load.joined(QInvoice.invoice.cards), Load.selectIn(QInvoice.invoice.cards))) {
      try (Session s = sessions.openSession()) {
        Invoice invoice = s.select(Invoice.class).options(load).one();
        assertEquals(List.of(ids.card()), invoice.getCards().stream().map(Payment::getId).toList(), load.toString());
      }
    }
    try (Session s = sessions.openSession()) {
      // EXISTS through the relationship path to the base
      assertEquals(1, s.select(Invoice.class).where(QInvoice.invoice.payments.any()).count());
    }
  }

  @AllDatabases
  void bulkUpdateOfAJoinedClassIsAClearError(TestDatabase db) {
    SessionFactory sessions = create(db);
    fixtures(sessions);
    try (Session s = sessions.openSession()) {
      OrmException ex = assertThrows(OrmException.class,
          () -> s.bulkUpdate(BankTransfer.class).set(QBankTransfer.bankTransfer.iban, "X").execute(Synchronize.NONE));
      assertTrue(ex.getMessage().contains("joined inheritance"), ex.getMessage());
    }
    IllegalArgumentException core = assertThrows(IllegalArgumentException.class,
        () -> Sql.update(QBankTransfer.bankTransfer));
    assertTrue(core.getMessage().contains("storedTables()"), core.getMessage());
    // Core DML against a stored table works
    Table transfers = QPayment.JOINED.tables().get(1);
    assertEquals(2L, (long) db.engine().withConnection(c -> c.execute(Sql.deleteFrom(transfers)).rowCount()));
  }

  /** The statements with their double-quoted names quoted for the database. */
  private static List<String> quoted(TestDatabase db, String... statements) {
    return Stream.of(statements).map(db::quoted).toList();
  }

  private List<String> updates() {
    return sql().stream().filter(x -> x.startsWith("UPDATE")).toList();
  }

  private static long count(TestDatabase db, String table) {
    return db.engine().withConnection(c -> c.execute(Sql.text("SELECT COUNT(*) AS n FROM " + db.quote(table)))
        .map(r -> ((Number) r.get(0)).longValue()).get(0));
  }
}
