package dev.quarry.it.inherit;

import static dev.quarry.it.inherit.InheritSingleTableTest.entityClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.Load;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * Relationships to the base class of a single-table hierarchy: a many-to-one {@code Ticket.assignee}
 * (Person) and a one-to-many {@code Department.members} (Person) load instances of the right
 * subclasses lazily, JOINED and SELECTIN; a many-to-one to a subclass ({@code Ticket.reviewer}).
 */
class InheritRelationshipsTest {
  private final List<String> statements = new ArrayList<>();

  private record Fixture(long department, long ticketOfEmployee, long ticketOfCustomer, long employee) {}

  private SessionFactory create(TestDatabase db) {
    Metadata.of(QDepartment.department, QPerson.person, QTicket.ticket).createAll(db.engine());
    return SessionFactory.builder(db.engine()).statementListener((sql, n) -> statements.add(sql)).build();
  }

  private static Fixture fixtures(SessionFactory sessions) {
    try (Session s = sessions.openSession()) {
      Department d = new Department("Sales");
      Person p = new Person("Pat");
      Employee e = new Employee("Eve", 5000);
      Customer c = new Customer("Cid", "cid@example.com");
      Manager m = new Manager("Max", 9000, "senior");
      for (Person member : List.of(p, e, c, m)) {
        member.setDepartment(d);
      }
      Ticket t1 = new Ticket("printer", e);
      t1.setReviewer(m);
      Ticket t2 = new Ticket("refund", c);
      s.addAll(List.of(d, p, e, c, m, t1, t2));
      s.commit();
      return new Fixture(d.getId(), t1.getId(), t2.getId(), e.getId());
    }
  }

  private int count() {
    int n = statements.size();
    statements.clear();
    return n;
  }

  @AllDatabases
  void lazyManyToOneToTheBaseLoadsTheSubclassOnAccess(TestDatabase db) {
    SessionFactory sessions = create(db);
    Fixture f = fixtures(sessions);
    try (Session s = sessions.openSession()) {
      Ticket t1 = s.get(Ticket.class, f.ticketOfEmployee());
      Ticket t2 = s.get(Ticket.class, f.ticketOfCustomer());
      count();
      Person assignee = t1.getAssignee();
      assertEquals(1, count(), "loaded on access");
      assertEquals(Employee.class, entityClass(assignee));
      assertEquals(5000, ((Employee) assignee).getSalary());
      assertEquals(Customer.class, entityClass(t2.getAssignee()));
      assertSame(assignee, s.get(Person.class, f.employee()), "one row, one object");
      Employee reviewer = t1.getReviewer();
      assertEquals(Manager.class, entityClass(reviewer), "a reference typed Employee holds the Manager");
      assertNull(t2.getReviewer());
    }
  }

  @AllDatabases
  void joinedAndSelectInManyToOneToTheBase(TestDatabase db) {
    SessionFactory sessions = create(db);
    fixtures(sessions);
    for (Load load : List.of(Load.joined(QTicket.ticket.assignee), Load.selectIn(QTicket.ticket.assignee))) {
      try (Session s = sessions.openSession()) {
        count();
        List<Ticket> tickets = s.select(Ticket.class).options(load).orderBy(QTicket.ticket.id.asc()).list();
        assertEquals(Employee.class, entityClass(tickets.get(0).getAssignee()), load.toString());
        assertEquals(Customer.class, entityClass(tickets.get(1).getAssignee()), load.toString());
        assertEquals("cid@example.com", ((Customer) tickets.get(1).getAssignee()).getEmail());
        assertEquals(load.toString().toLowerCase().contains("joined") ? 1 : 2, count(), load.toString());
      }
    }
  }

  @AllDatabases
  void oneToManyOfTheBaseHoldsEveryClass(TestDatabase db) {
    SessionFactory sessions = create(db);
    Fixture f = fixtures(sessions);
    List<Class<?>> expected = List.of(Person.class, Employee.class, Customer.class, Manager.class);
    try (Session s = sessions.openSession()) {
      Department d = s.get(Department.class, f.department());
      assertEquals(expected, d.getMembers().stream().map(InheritSingleTableTest::entityClass).toList(), "lazy");
      assertSame(d, d.getMembers().get(3).getDepartment(), "the reverse side is linked");
    }
    for (Load load : List.of(Load.joined(QDepartment.department.members),
        Load.selectIn(QDepartment.department.members))) {
      try (Session s = sessions.openSession()) {
        count();
        Department d = s.select(Department.class).options(load).one();
        assertEquals(expected, d.getMembers().stream().map(InheritSingleTableTest::entityClass).toList(),
            load.toString());
        assertEquals("senior", ((Manager) d.getMembers().get(3)).getLevel());
        assertTrue(count() <= 2, load.toString());
      }
    }
  }

  @AllDatabases
  void aCollectionOfASubclassHoldsOnlyItsRows(TestDatabase db) {
    SessionFactory sessions = create(db);
    Fixture f = fixtures(sessions);
    try (Session s = sessions.openSession()) {
      Department d = s.get(Department.class, f.department());
      assertEquals(List.of(Employee.class, Manager.class),
          d.getStaff().stream().map(InheritSingleTableTest::entityClass).toList(), "lazy");
    }
    try (Session s = sessions.openSession()) {
      Department d = s.select(Department.class).options(Load.selectIn(QDepartment.department.staff)).one();
      assertEquals(List.of("Eve", "Max"), d.getStaff().stream().map(Person::getName).toList(), "selectin");
    }
    try (Session s = sessions.openSession()) {
      Department d = s.select(Department.class).options(Load.joined(QDepartment.department.staff)).one();
      assertEquals(List.of("Eve", "Max"), d.getStaff().stream().map(Person::getName).toList(), "joined");
      assertEquals(2, s.related(d, QDepartment.department.staff).count());
      Department clients = new Department("Clients");
      Customer c = new Customer("Cora", "cora@example.com");
      c.setDepartment(clients);
      s.addAll(List.of(clients, c));
      s.flush();
      assertEquals(2, s.select(Department.class).where(QDepartment.department.members.any()).count());
      assertEquals(1, s.select(Department.class).where(QDepartment.department.staff.any()).count(),
          "EXISTS over a subclass carries the discriminator filter");
    }
  }

  @AllDatabases
  void subclassReferencesAreWrittenThroughTheUnitOfWork(TestDatabase db) {
    SessionFactory sessions = create(db);
    Fixture f = fixtures(sessions);
    try (Session s = sessions.openSession()) {
      Ticket t2 = s.get(Ticket.class, f.ticketOfCustomer());
      Employee e = s.get(Employee.class, f.employee());
      t2.setAssignee(e);
      t2.setReviewer(e);
      Department other = new Department("Support");
      s.add(other);
      e.setDepartment(other);
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      Ticket t2 = s.get(Ticket.class, f.ticketOfCustomer());
      assertEquals(f.employee(), t2.getAssignee().getId());
      assertEquals(Employee.class, entityClass(t2.getReviewer()));
      assertEquals("Support", t2.getAssignee().getDepartment().title);
      assertEquals(3, s.get(Department.class, f.department()).getMembers().size());
    }
  }
}
