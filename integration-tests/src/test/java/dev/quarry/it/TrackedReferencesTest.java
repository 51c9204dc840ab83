package dev.quarry.it;

import static dev.quarry.orm.Load.noLoad;
import static dev.quarry.orm.Load.raise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.inherit.Customer;
import dev.quarry.it.inherit.Department;
import dev.quarry.it.inherit.Employee;
import dev.quarry.it.inherit.Manager;
import dev.quarry.it.inherit.Person;
import dev.quarry.it.inherit.QDepartment;
import dev.quarry.it.inherit.QPerson;
import dev.quarry.it.inherit.QTicket;
import dev.quarry.it.inherit.Ticket;
import dev.quarry.it.inherit.Ticket_Mapping;
import dev.quarry.it.rel.QOrderLine;
import dev.quarry.it.rel.QReview;
import dev.quarry.it.rel.QShopOrder;
import dev.quarry.it.rel.QShopper;
import dev.quarry.it.rel.Review;
import dev.quarry.it.rel.Review_Mapping;
import dev.quarry.it.rel.ShopOrder;
import dev.quarry.it.rel.ShopOrder_Mapping;
import dev.quarry.it.rel.Shopper;
import dev.quarry.orm.DetachedInstanceException;
import dev.quarry.orm.Load;
import dev.quarry.orm.RaiseLoadException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.spi.EntityMapping;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * A new row's to-one property points at the object the session already tracks for its key (the
 * generated {@code read} with the loader's resolver) instead of a throwaway key-only reference,
 * while the relationship still counts as not loaded: LAZY, RAISE, NOLOAD, detached access and dirty
 * checking behave as before, on SQLite, H2 and PostgreSQL. The fields are read through the mapping
 * ({@code getRelation}, no interception) to see what the row read put there.
 */
class TrackedReferencesTest {
  private static final String UPDATE_SHOPPER = "UPDATE rel_orders SET shopper_id = ? WHERE rel_orders.id = ?";

  private final StatementLog log = new StatementLog();

  private SessionFactory create(TestDatabase db) {
    Metadata.of(QShopper.shopper, QShopOrder.shopOrder, QOrderLine.orderLine, QReview.review,
        QDepartment.department, QPerson.person, QTicket.ticket).createAll(db.engine());
    SessionFactory sessions = log.sessions(db.engine());
    try (Session s = sessions.openSession()) {
      List<Shopper> shoppers = new ArrayList<>();
      for (int u = 0; u < 3; u++) {
        Shopper shopper = new Shopper("shopper" + u);
        for (int o = 0; o < 2; o++) {
          shopper.getOrders().add(new ShopOrder(u * 10 + o));
        }
        shoppers.add(shopper);
        s.add(shopper);
      }
      s.add(new Review("fine", shoppers.get(0), shoppers.get(1)));
      s.commit();
    }
    log.clear();
    return sessions;
  }

  private List<String> sql() {
    return log.take();
  }

  /** The property's value as the row read left it: no interception, so no loading. */
  private static Object field(EntityMapping<?> m, Object entity, String relation) {
    @SuppressWarnings("unchecked")
    EntityMapping<Object> mapping = (EntityMapping<Object>) m;
    for (int r = 0; r < mapping.relationCount(); r++) {
      if (mapping.relation(r).name().equals(relation)) {
        return mapping.getRelation(entity, r);
      }
    }
    throw new AssertionError(relation);
  }

  private static Object shopperField(ShopOrder o) {
    return field(ShopOrder_Mapping.INSTANCE, o, "shopper");
  }

  private static List<ShopOrder> orders(Session s) {
    return s.select(ShopOrder.class).orderBy(QShopOrder.shopOrder.id.asc()).list();
  }

  private static List<Shopper> shoppers(Session s) {
    return s.select(Shopper.class).orderBy(QShopper.shopper.id.asc()).list();
  }

  @AllDatabases
  void aNewRowPointsAtTheTrackedObjectWithoutExtraStatements(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<Shopper> shoppers = shoppers(s);
      sql();
      List<ShopOrder> orders = orders(s);
      assertEquals(1, sql().size(), "one SELECT for the orders");
      for (int i = 0; i < orders.size(); i++) {
        Shopper tracked = shoppers.get(i / 2);
        assertSame(tracked, shopperField(orders.get(i)), "the row read points at the tracked shopper");
        assertSame(tracked, s.get(Shopper.class, tracked.getId()));
        assertSame(tracked, orders.get(i).getShopper(), "lazy access: the same object");
      }
      assertEquals(List.of(), sql(), "no statement for the references");
      s.flush();
      assertEquals(List.of(), sql(), "nothing changed");
    }
  }

  @AllDatabases
  void theRelationshipStillCountsAsNotLoaded(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<Shopper> shoppers = shoppers(s);
      List<ShopOrder> orders = orders(s);
      assertSame(shoppers.get(0), shopperField(orders.get(0)));
      orders.get(1).getShopper(); // loaded on access
      s.expunge(orders.get(0));
      s.expunge(orders.get(1));
      assertThrows(DetachedInstanceException.class, orders.get(0)::getShopper,
          "never accessed: not loaded, although the field holds the tracked object");
      assertSame(shoppers.get(0), orders.get(1).getShopper(), "accessed in the session: loaded");
    }
  }

  @AllDatabases
  void aLazyReferenceWhoseTargetIsNotTrackedStillLoadsOnAccess(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      Shopper first = s.select(Shopper.class).orderBy(QShopper.shopper.id.asc()).limit(1).one();
      List<ShopOrder> orders = orders(s);
      sql();
      assertSame(first, shopperField(orders.get(0)));
      Object keyOnly = shopperField(orders.get(2));
      assertNotSame(first, keyOnly);
      assertFalse(s.contains(keyOnly), "an untracked key-only reference");
      assertEquals(List.of(), sql());
      List<Shopper> reached = new ArrayList<>();
      for (ShopOrder o : orders) {
        reached.add(o.getShopper());
      }
      assertEquals(2, sql().size(), "one SELECT per shopper not yet in the session");
      assertSame(first, reached.get(1));
      assertSame(reached.get(2), reached.get(3), "one row, one object");
      assertNotSame(keyOnly, reached.get(2));
      assertTrue(s.contains(reached.get(4)));
      assertEquals("shopper2", reached.get(4).getName());
      assertSame(reached.get(4), s.get(Shopper.class, reached.get(4).getId()));
      assertEquals(List.of(), sql());
    }
  }

  @AllDatabases
  void raiseAndNoLoadIgnoreTheTrackedObject(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<Shopper> shoppers = shoppers(s);
      List<ShopOrder> raising = s.select(ShopOrder.class).options(raise(QShopOrder.shopOrder.shopper))
          .orderBy(QShopOrder.shopOrder.id.asc()).list();
      assertSame(shoppers.get(0), shopperField(raising.get(0)));
      assertThrows(RaiseLoadException.class, raising.get(0)::getShopper, "RAISE option");
      sql();
      Review review = s.select(Review.class).one();
      assertEquals(1, sql().size(), "the SELECTIN author is tracked: no second statement");
      assertSame(shoppers.get(1), field(Review_Mapping.INSTANCE, review, "editor"));
      assertThrows(RaiseLoadException.class, review::getEditor, "RAISE default");
      assertSame(shoppers.get(0), review.getAuthor());
      assertEquals(List.of(), sql());
    }
    try (Session s = sessions.openSession()) {
      List<Shopper> shoppers = shoppers(s);
      List<ShopOrder> unloaded = s.select(ShopOrder.class).options(noLoad(QShopOrder.shopOrder.shopper))
          .orderBy(QShopOrder.shopOrder.id.asc()).list();
      assertSame(shoppers.get(0), shopperField(unloaded.get(0)));
      sql();
      assertNull(unloaded.get(0).getShopper(), "NOLOAD reads null although the shopper is tracked");
      assertEquals(List.of(), sql());
    }
  }

  @AllDatabases
  void aNoLoadReferenceReadAsNullKeepsItsForeignKey(TestDatabase db) {
    SessionFactory sessions = create(db);
    long orderId;
    long shopperId;
    try (Session s = sessions.openSession()) {
      ShopOrder order = s.select(ShopOrder.class).options(noLoad(QShopOrder.shopOrder.shopper))
          .orderBy(QShopOrder.shopOrder.id.asc()).first();
      orderId = order.getId();
      shopperId = ((Shopper) shopperField(order)).getId();
      sql();
      assertNull(order.getShopper());
      s.flush();
      assertEquals(List.of(), sql(), "reading NOLOAD's null is not a change: no UPDATE of the key to NULL");
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      assertEquals(shopperId, s.get(ShopOrder.class, orderId).getShopper().getId());
    }
  }

  @AllDatabases
  void changingAResolvedReferenceUpdatesOnlyItsColumn(TestDatabase db) {
    SessionFactory sessions = create(db);
    long moved;
    long target;
    try (Session s = sessions.openSession()) {
      List<Shopper> shoppers = shoppers(s);
      List<ShopOrder> orders = orders(s);
      sql();
      s.flush();
      assertEquals(List.of(), sql(), "nothing changed");
      orders.get(1).setShopper(shoppers.get(0)); // the object it already holds
      s.flush();
      assertEquals(List.of(), sql(), "set to the same shopper: nothing to write");
      orders.get(0).setShopper(shoppers.get(2));
      s.flush();
      assertEquals(List.of(db.quoted(UPDATE_SHOPPER)), sql());
      s.flush();
      assertEquals(List.of(), sql());
      moved = orders.get(0).getId();
      target = shoppers.get(2).getId();
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      assertEquals(target, s.get(ShopOrder.class, moved).getShopper().getId());
    }
  }

  @AllDatabases
  void aTrackedObjectOfAnotherSubclassGivesAKeyOnlyReference(TestDatabase db) {
    SessionFactory sessions = create(db);
    long customerId;
    long employeeId;
    long managerId;
    try (Session s = sessions.openSession()) {
      Department d = new Department("Sales");
      Employee e = new Employee("Eve", 5000);
      Customer c = new Customer("Cid", "cid@example.com");
      Manager m = new Manager("Max", 9000, "senior");
      Ticket t1 = new Ticket("printer", e);
      t1.setReviewer(m);
      Ticket t2 = new Ticket("refund", c);
      s.addAll(List.of(d, e, c, m, t1, t2));
      s.commit();
      customerId = c.getId();
      employeeId = e.getId();
      managerId = m.getId();
      // a reviewer (typed Employee) whose row is a Customer: the foreign key only knows the table
      long ticket = t2.getId();
      db.engine().withConnection(conn -> conn.execute(Sql.update(QTicket.ticket)
          .set(QTicket.ticket.reviewerId, customerId).where(QTicket.ticket.id.eq(ticket))));
    }
    try (Session s = sessions.openSession()) {
      List<Person> people = s.select(Person.class).list();
      assertEquals(3, people.size());
      sql();
      List<Ticket> tickets = s.select(Ticket.class).orderBy(QTicket.ticket.id.asc()).list();
      assertEquals(1, sql().size());
      Person customer = s.get(Person.class, customerId);
      assertSame(s.get(Person.class, employeeId), field(Ticket_Mapping.INSTANCE, tickets.get(0), "assignee"));
      assertSame(s.get(Person.class, managerId), field(Ticket_Mapping.INSTANCE, tickets.get(0), "reviewer"),
          "a Manager is an Employee: the tracked object");
      assertSame(customer, field(Ticket_Mapping.INSTANCE, tickets.get(1), "assignee"));
      Object reviewer = field(Ticket_Mapping.INSTANCE, tickets.get(1), "reviewer");
      assertInstanceOf(Employee.class, reviewer, "the tracked Customer is no Employee: a key-only reference");
      assertNotSame(customer, reviewer);
      assertFalse(s.contains(reviewer));
      assertEquals(customerId, ((Employee) reviewer).getId());
      assertEquals(List.of(), sql());
      s.flush();
      assertEquals(List.of(), sql(), "the key is unchanged: nothing to write");
      // loading it: the tracked row with that key is a Customer, which no query of Employee returns
      assertNull(tickets.get(1).getReviewer());
      assertSame(s.get(Person.class, managerId), tickets.get(0).getReviewer());
      s.flush();
      assertEquals(List.of(), sql(), "loading the reviewers changed nothing");
    }
    try (Session s = sessions.openSession()) {
      // JOINED: the outer join reads the Customer row for the reviewer typed Employee
      List<Ticket> tickets = s.select(Ticket.class).options(Load.joined(QTicket.ticket.reviewer))
          .orderBy(QTicket.ticket.id.asc()).list();
      assertEquals(1, sql().size());
      assertEquals(managerId, tickets.get(0).getReviewer().getId());
      assertNull(tickets.get(1).getReviewer(), "a Customer row is no Employee");
      s.flush();
      assertEquals(List.of(), sql(), "reading null for the reviewer keeps its key: nothing to write");
      s.commit();
      long ticket = tickets.get(1).getId();
      Long stored = db.engine().withConnection(conn -> {
        try (var r = conn.execute(Sql.select(QTicket.ticket.reviewerId).from(QTicket.ticket)
            .where(QTicket.ticket.id.eq(ticket)))) {
          return r.fetchAll().get(0).get(QTicket.ticket.reviewerId);
        }
      });
      assertEquals(customerId, stored, "the key is still in the row");
    }
  }
}
