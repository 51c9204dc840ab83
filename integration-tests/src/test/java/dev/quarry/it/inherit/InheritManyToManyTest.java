package dev.quarry.it.inherit;

import static dev.quarry.it.inherit.InheritSingleTableTest.entityClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.orm.Load;
import dev.quarry.orm.RaiseLoadException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * Many-to-many collections whose element type is a subclass ({@code Committee.chairs}: Managers of
 * the single-table Person hierarchy; {@code Ledger.cards}: CardPayments of the joined Payment
 * hierarchy) while the association table also links rows of other classes: lazy, select-in and
 * joined loading, DYNAMIC and {@code session.related}, joins and EXISTS along the path see only the
 * subclass's rows (SQLAlchemy adds the subclass's discriminator criterion), and a flush of a changed
 * collection keeps the association rows of the rows it never showed — on SQLite, H2 and PostgreSQL.
 */
class InheritManyToManyTest {
  private record Fixture(long committee, long pat, long eve, long max, long mia) {}

  private static SessionFactory create(TestDatabase db) {
    Metadata.of(QPerson.person, QDepartment.department, QCommittee.committee, QCommittee.CHAIRS_TABLE,
        QCommittee.ADVISORS_TABLE).createAll(db.engine());
    return SessionFactory.builder(db.engine()).build();
  }

  /** Committee "board": chairs Max and Mia (Managers), and links to Eve (an Employee) and Pat (a Person). */
  private static Fixture fixtures(TestDatabase db, SessionFactory sessions) {
    Fixture f;
    try (Session s = sessions.openSession()) {
      Person pat = new Person("Pat");
      Employee eve = new Employee("Eve", 5000);
      Manager max = new Manager("Max", 9000, "senior");
      Manager mia = new Manager("Mia", 8000, "junior");
      Committee board = new Committee("board");
      board.getChairs().add(mia);
      board.getChairs().add(max);
      s.addAll(List.of(pat, eve, max, mia, board));
      s.commit();
      f = new Fixture(board.getId(), pat.getId(), eve.getId(), max.getId(), mia.getId());
      link(db, "inh_committee_chairs", board.getId(), eve.getId());
      link(db, "inh_committee_chairs", board.getId(), pat.getId());
      link(db, "inh_committee_advisors", board.getId(), eve.getId());
      link(db, "inh_committee_advisors", board.getId(), max.getId());
    }
    return f;
  }

  private static void link(TestDatabase db, String table, long committee, long person) {
    db.engine().useConnection(c -> c.execute(Sql.text(db.quoted("INSERT INTO \"" + table
        + "\" (committee, person) VALUES (:c, :p)")).bind("c", committee).bind("p", person)));
  }

  private static List<Long> linked(TestDatabase db, String table, long committee) {
    return db.engine().withConnection(c -> c.execute(Sql.text(db.quoted("SELECT person FROM \"" + table
        + "\" WHERE committee = :c ORDER BY person")).bind("c", committee))
        .map(r -> ((Number) r.get(0)).longValue()));
  }

  /** Reads every element as a Manager: a row of another class would throw ClassCastException here. */
  private static List<String> names(List<Manager> managers) {
    List<String> out = new ArrayList<>();
    for (Manager m : managers) {
      out.add(m.getName() + "/" + m.getLevel());
      assertEquals(Manager.class, entityClass(m));
    }
    return out;
  }

  @AllDatabases
  void lazySelectInAndJoinedLoadOnlyTheSubclass(TestDatabase db) {
    SessionFactory sessions = create(db);
    Fixture f = fixtures(db, sessions);
    List<String> expected = List.of("Max/senior", "Mia/junior");
    try (Session s = sessions.openSession()) {
      Committee board = s.get(Committee.class, f.committee());
      assertEquals(expected, names(board.getChairs()), "lazy");
    }
    try (Session s = sessions.openSession()) {
      s.get(Employee.class, f.eve()); // already in the identity map: still not an element
      Committee board = s.get(Committee.class, f.committee());
      assertEquals(expected, names(board.getChairs()), "lazy, the Employee in the identity map");
    }
    for (Load load : List.of(Load.selectIn(QCommittee.committee.chairs), Load.joined(QCommittee.committee.chairs))) {
      try (Session s = sessions.openSession()) {
        Committee board = s.select(Committee.class).options(load).one();
        assertEquals(expected, names(board.getChairs()), load.toString());
      }
    }
  }

  @AllDatabases
  void relatedDynamicJoinsAndExistsSeeOnlyTheSubclass(TestDatabase db) {
    SessionFactory sessions = create(db);
    Fixture f = fixtures(db, sessions);
    try (Session s = sessions.openSession()) {
      Committee board = s.get(Committee.class, f.committee());
      assertEquals(2, s.related(board, QCommittee.committee.chairs).count());
      assertEquals(List.of("Max/senior", "Mia/junior"), names(s.related(board, QCommittee.committee.chairs)
          .orderBy(QManager.manager.name.asc()).list()));
      assertThrows(RaiseLoadException.class, () -> board.getAdvisors().size(), "DYNAMIC");
      assertEquals(List.of("Max/senior"), names(s.related(board, QCommittee.committee.advisors).list()),
          "DYNAMIC: the scoped query");
      assertEquals(List.of("Max/senior"), names(s.select(Committee.class)
          .options(Load.selectIn(QCommittee.committee.advisors)).one().getAdvisors()), "DYNAMIC loaded by option");
    }
    try (Session s = sessions.openSession()) {
      assertEquals(2, s.select(Committee.class).join(QCommittee.committee.chairs).count(),
          "the join to the subclass carries its discriminator criterion");
      assertEquals(0, s.select(Committee.class).join(QCommittee.committee.chairs)
          .where(QManager.manager.name.eq("Eve")).count());
      assertEquals(0, s.select(Committee.class).leftJoin(QCommittee.committee.chairs)
          .where(QManager.manager.name.eq("Pat")).count());
      assertEquals(1, s.select(Committee.class).join(QCommittee.committee.chairs)
          .where(QManager.manager.name.eq("Mia")).count());
      assertEquals(0, s.select(Committee.class)
          .where(QCommittee.committee.chairs.any(QManager.manager.name.eq("Eve"))).count(), "EXISTS");
      assertEquals(1, s.select(Committee.class)
          .where(QCommittee.committee.advisors.any(QManager.manager.name.eq("Max"))).count(), "EXISTS");
    }
  }

  @AllDatabases
  void aFlushKeepsTheLinksOfRowsTheCollectionNeverShowed(TestDatabase db) {
    SessionFactory sessions = create(db);
    Fixture f = fixtures(db, sessions);
    long pat = f.pat();
    List<Long> hidden = sorted(pat, f.eve());
    long moe;
    try (Session s = sessions.openSession()) {
      Committee board = s.get(Committee.class, f.committee());
      board.getChairs().removeIf(m -> m.getName().equals("Max"));
      Manager added = new Manager("Moe", 7000, "junior");
      board.getChairs().add(added);
      s.commit();
      moe = added.getId();
    }
    assertEquals(sorted(pat, f.eve(), f.mia(), moe), linked(db, "inh_committee_chairs", f.committee()),
        "one removed, one added; the others' rows untouched");
    try (Session s = sessions.openSession()) {
      Committee board = s.select(Committee.class).options(Load.selectIn(QCommittee.committee.chairs)).one();
      assertEquals(List.of("Mia/junior", "Moe/junior"), names(board.getChairs()));
      board.getChairs().clear();
      s.commit();
    }
    assertEquals(hidden, linked(db, "inh_committee_chairs", f.committee()), "clear() removes the shown rows only");
    try (Session s = sessions.openSession()) {
      Committee board = s.get(Committee.class, f.committee());
      assertEquals(List.of(), names(board.getChairs()));
      board.setChairs(new ArrayList<>(List.of(s.get(Manager.class, f.max()))));
      s.commit();
    }
    assertEquals(sorted(pat, f.eve(), f.max()), linked(db, "inh_committee_chairs", f.committee()),
        "a replaced collection: the difference from the loaded one");
    try (Session s = sessions.openSession()) {
      s.delete(s.get(Committee.class, f.committee()));
      s.commit();
    }
    assertEquals(List.of(), linked(db, "inh_committee_chairs", f.committee()),
        "a deleted owner's rows go, hidden ones too");
  }

  private static List<Long> sorted(Long... ids) {
    List<Long> out = new ArrayList<>(List.of(ids));
    out.sort(null);
    return out;
  }

  @AllDatabases
  void joinedHierarchyCollectionOfASubclass(TestDatabase db) {
    Metadata.of(QInvoice.invoice, QPayment.payment, QCardPayment.cardPayment, QLedger.ledger, QLedger.CARDS_TABLE)
        .createAll(db.engine());
    SessionFactory sessions = SessionFactory.builder(db.engine()).build();
    long ledger;
    List<Long> others;
    try (Session s = sessions.openSession()) {
      Payment p = new Payment("Pat", 10);
      BankTransfer t = new BankTransfer("Tom", 30, "DE00");
      CardPayment c = new CardPayment("Cid", 20, "4111", "visa");
      CardPayment d = new CardPayment("Dee", 25, "5500", "mastercard");
      Ledger l = new Ledger("cards");
      l.getCards().add(d);
      l.getCards().add(c);
      s.addAll(List.of(p, t, c, d, l));
      s.commit();
      ledger = l.getId();
      others = sorted(p.getId(), t.getId());
      for (long payment : List.of(p.getId(), t.getId())) {
        db.engine().useConnection(x -> x.execute(Sql.text(db.quoted(
            "INSERT INTO jn_ledger_cards (ledger, payment) VALUES (:l, :p)")).bind("l", l.getId())
            .bind("p", payment)));
      }
    }
    List<String> expected = List.of("Cid/visa", "Dee/mastercard");
    try (Session s = sessions.openSession()) {
      assertEquals(expected, cards(s.get(Ledger.class, ledger).getCards()), "lazy");
    }
    for (Load load : List.of(Load.selectIn(QLedger.ledger.cards), Load.joined(QLedger.ledger.cards))) {
      try (Session s = sessions.openSession()) {
        assertEquals(expected, cards(s.select(Ledger.class).options(load).one().getCards()), load.toString());
      }
    }
    try (Session s = sessions.openSession()) {
      Ledger l = s.get(Ledger.class, ledger);
      assertEquals(2, s.related(l, QLedger.ledger.cards).count());
      assertEquals(2, s.select(Ledger.class).join(QLedger.ledger.cards).count());
      assertEquals(0, s.select(Ledger.class).where(QLedger.ledger.cards.any(QCardPayment.cardPayment.payer.eq("Tom")))
          .count());
      l.getCards().clear();
      s.commit();
    }
    assertEquals(others, db.engine().withConnection(x -> x.execute(Sql.text(db.quoted(
        "SELECT payment FROM jn_ledger_cards WHERE ledger = :l ORDER BY payment"))
        .bind("l", ledger)).map(r -> ((Number) r.get(0)).longValue())), "the links of the other classes' rows are kept");
  }

  private static List<String> cards(List<CardPayment> cards) {
    List<String> out = new ArrayList<>();
    for (CardPayment c : cards) {
      out.add(c.getPayer() + "/" + c.getNetwork());
      assertEquals(CardPayment.class, entityClass(c));
    }
    return out;
  }
}
