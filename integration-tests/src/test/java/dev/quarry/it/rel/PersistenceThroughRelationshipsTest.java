package dev.quarry.it.rel;

import static dev.quarry.orm.Load.selectIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.UniqueViolationException;
import dev.quarry.orm.EntityState;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/** Collections and references drive inserts, foreign keys, orphans and cascades; self-reference and one-to-one. */
class PersistenceThroughRelationshipsTest {
  private final List<String> statements = new ArrayList<>();

  private SessionFactory open(TestDatabase db) {
    Metadata.of(QShopper.shopper, QShopOrder.shopOrder, QOrderLine.orderLine, QEmployee.employee, QPerson.person,
        QPassport.passport).createAll(db.engine());
    return SessionFactory.builder(db.engine()).statementListener((sql, n) -> statements.add(sql)).build();
  }

  private static long count(Session s, Class<?> type) {
    return s.select(type).count();
  }

  @AllDatabases
  void collectionsSetForeignKeysOrphansAndCascades(TestDatabase db) {
    SessionFactory sessions = open(db);
    Long id;
    try (Session s = sessions.openSession()) {
      Shopper ann = new Shopper("ann");
      ann.getOrders().add(new ShopOrder(1));
      ann.getOrders().add(new ShopOrder(2));
      s.add(ann);
      assertEquals(EntityState.PENDING, s.state(ann.getOrders().get(0)), "add cascades save-update");
      s.commit();
      id = ann.getId();
    }
    try (Session s = sessions.openSession()) {
      Shopper ann = s.get(Shopper.class, id);
      ShopOrder third = new ShopOrder(3);
      ann.getOrders().add(third);
      s.flush();
      assertSame(ann, third.getShopper(), "the collection set the new element's reference");
      ShopOrder first = ann.getOrders().remove(0);
      s.flush();
      assertEquals(EntityState.DELETED, s.state(first), "removed from a delete-orphan collection: deleted");
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      Shopper ann = s.get(Shopper.class, id);
      assertEquals(List.of(2, 3), ann.getOrders().stream().map(ShopOrder::getTotal).toList());
      ShopOrder moved = ann.getOrders().get(0);
      Shopper bob = new Shopper("bob");
      s.add(bob);
      s.flush();
      assertEquals(0, bob.getOrders().size());
      moved.setShopper(bob);
      assertEquals(1, ann.getOrders().size(), "back-populates: left the old owner's loaded collection");
      assertSame(moved, bob.getOrders().get(0), "and joined the new owner's");
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      s.delete(s.get(Shopper.class, id));
      s.commit();
      assertEquals(1, count(s, ShopOrder.class), "cascade delete removed ann's order, bob's stays");
    }
  }

  @AllDatabases
  void selfReferenceFlushesParentsFirstAndBreaksCycles(TestDatabase db) {
    SessionFactory sessions = open(db);
    try (Session s = sessions.openSession()) {
      Employee boss = new Employee("boss");
      Employee mid = new Employee("mid");
      Employee dev = new Employee("dev");
      dev.setManager(mid);
      mid.setManager(boss);
      s.add(dev); // cascades up the chain; INSERT order must be boss, mid, dev
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      Employee boss = s.select(QEmployee.employee).where(QEmployee.employee.name.eq("boss")).one();
      assertNull(boss.getManager());
      statements.clear();
      List<Employee> all = s.select(QEmployee.employee).options(selectIn(QEmployee.employee.reports)
          .then(selectIn(QEmployee.employee.reports))).orderBy(QEmployee.employee.name.asc()).list();
      assertEquals(3, all.size());
      assertEquals("mid", boss.getReports().get(0).getName());
      assertEquals("dev", boss.getReports().get(0).getReports().get(0).getName());
      assertSame(boss, boss.getReports().get(0).getManager());
      assertEquals(2, statements.size(), statements.toString());
    }
    try (Session s = sessions.openSession()) {
      Employee a = new Employee("a");
      Employee b = new Employee("b");
      a.setManager(b);
      b.setManager(a);
      s.add(a);
      statements.clear();
      s.commit();
      assertTrue(statements.stream().anyMatch(q -> q.startsWith("UPDATE")), "a post-update closes the cycle: "
          + statements);
    }
    try (Session s = sessions.openSession()) {
      Employee a = s.select(QEmployee.employee).where(QEmployee.employee.name.eq("a")).one();
      assertEquals("b", a.getManager().getName());
      assertSame(a, a.getManager().getManager());
      assertEquals(1, s.select(QEmployee.employee).where(QEmployee.employee.name.eq("b"))
          .where(QEmployee.employee.manager.has(QEmployee.employee.as("manager").name.eq("a"))).count());
    }
  }

  @AllDatabases
  void oneToOneBothSides(TestDatabase db) {
    SessionFactory sessions = open(db);
    try (Session s = sessions.openSession()) {
      Person p = new Person("pat");
      Passport passport = new Passport("X1");
      passport.setHolder(p);
      s.add(passport);
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      Person p = s.select(QPerson.person).one();
      assertEquals("X1", p.getPassport().getNumber(), "inverse side loads through mappedBy");
      assertSame(p, p.getPassport().getHolder());
      Passport second = new Passport("X2");
      second.setHolder(p);
      s.add(second);
      assertThrows(UniqueViolationException.class, s::flush, "the owning side's key is unique");
      s.rollback();
    }
    try (Session s = sessions.openSession()) {
      statements.clear();
      List<Person> people = s.select(QPerson.person).options(dev.quarry.orm.Load.joined(QPerson.person.passport))
          .list();
      assertEquals("X1", people.get(0).getPassport().getNumber());
      assertEquals(1, statements.size());
    }
  }
}
