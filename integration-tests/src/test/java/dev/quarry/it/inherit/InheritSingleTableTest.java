package dev.quarry.it.inherit;

import dev.quarry.it.StatementLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.OrmException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.Synchronize;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Column;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Single-table inheritance with SQLAlchemy's Person / Employee / Customer example (plus Manager under
 * Employee): one table, a discriminator column, polymorphic queries, subclass queries, identity
 * keyed by the root, and the unit of work — on SQLite, H2 and PostgreSQL.
 */
class InheritSingleTableTest {
  private final StatementLog log = new StatementLog();

  /** Ids of the four fixture rows: person, employee, customer, manager. */
  private record Ids(long person, long employee, long customer, long manager) {}

  private SessionFactory create(TestDatabase db) {
    Metadata.of(QDepartment.department, QPerson.person, QTicket.ticket).createAll(db.engine());
    return log.sessions(db.engine());
  }

  private static Ids fixtures(SessionFactory sessions) {
    try (Session s = sessions.openSession()) {
      Person p = new Person("Pat");
      Employee e = new Employee("Eve", 5000);
      Customer c = new Customer("Cid", "cid@example.com");
      Manager m = new Manager("Max", 9000, "senior");
      s.addAll(List.of(p, e, c, m));
      s.commit();
      return new Ids(p.getId(), e.getId(), c.getId(), m.getId());
    }
  }

  private List<String> sql() {
    return log.take();
  }

  @Test
  void theRootTableIsTheUnionOfTheHierarchyAndSubclassColumnsAreNullable() {
    assertEquals(List.of("id", "name", "version", "department_id", "type", "email", "salary", "level"),
        QPerson.person.columns().stream().map(Column::name).toList());
    assertEquals("inh_person", QEmployee.employee.name());
    assertFalse(QPerson.person.columns().get(4).spec().isNullable(), "discriminator is NOT NULL");
    assertTrue(QPerson.person.columns().get(6).spec().isNullable(), "a primitive subclass column is nullable");
    // QEmployee exposes inherited and own columns (compile-time check) and the discriminator
    assertEquals("name", QEmployee.employee.name.name());
    assertEquals("salary", QEmployee.employee.salary.name());
    assertEquals("level", QManager.manager.level.name());
    assertEquals("type", QCustomer.customer.type.name());
  }

  @AllDatabases
  void insertWritesTheDiscriminatorOfEachClass(TestDatabase db) {
    SessionFactory sessions = create(db);
    log.clear();
    Ids ids = fixtures(sessions);
    assertTrue(sql().contains(db.quoted("INSERT INTO inh_person (name, version, department_id, type, "
        + "email, salary, level) VALUES (?, ?, ?, ?, ?, ?, ?)")), "the discriminator is an INSERT column");
    List<Object> types = db.engine().withConnection(c -> c.execute(Sql.select(QPerson.person.type)
        .from(QPerson.person).orderBy(QPerson.person.id.asc())).map(r -> r.get(0)));
    assertEquals(List.of("person", "employee", "customer", "Manager"), types);
    assertTrue(ids.person() < ids.manager());
  }

  @AllDatabases
  void queryingTheBaseReturnsInstancesOfTheRightSubclasses(TestDatabase db) {
    SessionFactory sessions = create(db);
    Ids ids = fixtures(sessions);
    try (Session s = sessions.openSession()) {
      log.clear();
      List<Person> all = s.select(Person.class).orderBy(QPerson.person.id.asc()).list();
      assertEquals(List.of(db.quoted("SELECT inh_person.id, inh_person.name, inh_person.version, "
          + "inh_person.department_id, inh_person.type, inh_person.email, "
          + "inh_person.salary, inh_person.level FROM inh_person ORDER BY inh_person.id")),
          sql(), "one statement for the whole hierarchy, no discriminator filter");
      assertEquals(4, all.size());
      assertEquals(Person.class, entityClass(all.get(0)));
      assertInstanceOf(Employee.class, all.get(1));
      assertEquals(Employee.class, entityClass(all.get(1)));
      assertEquals(Customer.class, entityClass(all.get(2)));
      assertEquals(Manager.class, entityClass(all.get(3)));
      assertEquals(5000, ((Employee) all.get(1)).getSalary());
      assertEquals("cid@example.com", ((Customer) all.get(2)).getEmail());
      assertEquals("senior", ((Manager) all.get(3)).getLevel());
      assertEquals(9000, ((Manager) all.get(3)).getSalary());
      assertEquals(ids.manager(), all.get(3).getId());
      // hand-written SQL mapped to the base class reads each row as its class, through the identity map
      List<Person> fromText = s.fromStatement(Person.class,
          Sql.text(db.quoted("SELECT * FROM inh_person WHERE id >= :id ORDER BY id")).bind("id", ids.employee()));
      assertEquals(List.of(Employee.class, Customer.class, Manager.class),
          fromText.stream().map(InheritSingleTableTest::entityClass).toList());
      assertSame(all.get(1), fromText.get(0));
      // a predicate on the discriminator, through the metamodel
      assertEquals(1, s.select(Person.class).where(QPerson.person.type.eq("customer")).count());
    }
  }

  @AllDatabases
  void queryingASubclassFiltersToItAndItsSubclasses(TestDatabase db) {
    SessionFactory sessions = create(db);
    fixtures(sessions);
    try (Session s = sessions.openSession()) {
      log.clear();
      List<Employee> employees = s.select(Employee.class).orderBy(QEmployee.employee.id.asc()).list();
      assertEquals(List.of("Eve", "Max"), employees.stream().map(Person::getName).toList());
      assertEquals(Manager.class, entityClass(employees.get(1)));
      String select = sql().get(0);
      assertTrue(select.contains(db.quoted("WHERE inh_person.type IN (?, ?)")), select);

      // predicates on inherited and own columns
      // tour:inheritance-query
      List<Employee> rich = s.select(QEmployee.employee)
          .where(QEmployee.employee.name.like("M%"), QEmployee.employee.salary.gt(6000.0)).list();
      // end
      assertEquals(1, rich.size(), sql().toString());
      assertEquals("Max", rich.get(0).getName());
      List<Customer> customers = s.select(Customer.class).where(QCustomer.customer.name.eq("Cid")).list();
      assertEquals(1, customers.size());
      assertEquals(0, s.select(Customer.class).where(QCustomer.customer.name.eq("Eve")).count());
      assertEquals(1, s.select(Manager.class).count());
      log.clear();
      assertEquals(2, s.select(Employee.class).count());
      assertTrue(sql().get(0).contains(db.quoted("type IN (?, ?)")), "COUNT carries the discriminator filter too");
    }
  }

  @AllDatabases
  void identityIsKeyedByTheRoot(TestDatabase db) {
    SessionFactory sessions = create(db);
    Ids ids = fixtures(sessions);
    try (Session s = sessions.openSession()) {
      Person asPerson = s.get(Person.class, ids.employee());
      assertInstanceOf(Employee.class, asPerson);
      assertSame(asPerson, s.get(Employee.class, ids.employee()));
      assertNull(s.get(Customer.class, ids.employee()), "an employee is not a customer");
      assertNull(s.get(Manager.class, ids.employee()));
      Employee fromQuery = s.select(Employee.class).where(QEmployee.employee.id.eq(ids.employee())).one();
      assertSame(asPerson, fromQuery, "one row, one object");
    }
    try (Session s = sessions.openSession()) {
      assertNull(s.get(Customer.class, ids.manager()), "not in the map yet: loaded, then found to be a Manager");
      Employee e = s.get(Employee.class, ids.manager());
      assertEquals(Manager.class, entityClass(e));
      assertSame(e, s.get(Person.class, ids.manager()));
      assertEquals(Person.class, entityClass(s.get(Person.class, ids.person())));
      assertNull(s.get(Employee.class, ids.person()));
    }
  }

  @AllDatabases
  void updatesWriteOnlyDirtyColumnsWithTheVersionAndDeletesWork(TestDatabase db) {
    SessionFactory sessions = create(db);
    Ids ids = fixtures(sessions);
    try (Session s = sessions.openSession()) {
      Manager m = s.get(Manager.class, ids.manager());
      Integer version = m.getVersion();
      m.setSalary(9500);
      m.setLevel("principal");
      log.clear();
      s.commit();
      List<String> updates = sql().stream().filter(x -> x.startsWith("UPDATE")).toList();
      assertEquals(List.of(db.quoted("UPDATE inh_person SET version = ?, salary = ?, level = ? "
          + "WHERE inh_person.id = ? AND inh_person.version = ?")), updates);
      assertEquals(version + 1, m.getVersion());
    }
    try (Session s = sessions.openSession()) {
      Manager m = (Manager) s.get(Person.class, ids.manager());
      assertEquals(9500, m.getSalary());
      assertEquals("principal", m.getLevel());
      s.delete(s.get(Customer.class, ids.customer()));
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      assertNull(s.get(Person.class, ids.customer()));
      assertEquals(3, s.select(Person.class).count());
      assertEquals(0, s.select(Customer.class).count());
    }
  }

  @AllDatabases
  void bulkStatementsOfASubclassTouchOnlyItsRows(TestDatabase db) {
    SessionFactory sessions = create(db);
    Ids ids = fixtures(sessions);
    try (Session s = sessions.openSession()) {
      Manager max = s.get(Manager.class, ids.manager());
      Person pat = s.get(Person.class, ids.person());
      int updated = s.bulkUpdate(Employee.class).set(QEmployee.employee.salary, 1.0)
          .execute(Synchronize.EVALUATE);
      assertEquals(2, updated, "Eve and Max");
      assertEquals(1.0, max.getSalary(), "the Manager in the session is an Employee too");
      int renamed = s.bulkUpdate(Customer.class).set(QCustomer.customer.name, "Renamed")
          .execute(Synchronize.EVALUATE);
      assertEquals(1, renamed);
      assertEquals("Pat", pat.getName());
      assertEquals(1, s.bulkDelete(Customer.class).execute(Synchronize.FETCH));
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      assertEquals(List.of("Pat", "Eve", "Max"), s.select(Person.class).orderBy(QPerson.person.id.asc()).list()
          .stream().map(Person::getName).toList());
      assertEquals(1.0, s.get(Employee.class, ids.employee()).getSalary());
    }
  }

  @AllDatabases
  void aRowWithAnUnknownDiscriminatorIsAClearError(TestDatabase db) {
    SessionFactory sessions = create(db);
    Ids ids = fixtures(sessions);
    db.engine().withConnection(c -> c.execute(Sql.update(QPerson.person).set(QPerson.person.type, "alien")
        .where(QPerson.person.id.eq(ids.person()))));
    try (Session s = sessions.openSession()) {
      OrmException ex = assertThrows(OrmException.class, () -> s.select(Person.class).list());
      assertTrue(ex.getMessage().contains("discriminator alien"), ex.getMessage());
    }
  }

  /** The entity class of a session object (sessions hand out generated subclasses). */
  static Class<?> entityClass(Object o) {
    Class<?> c = o.getClass();
    return c.getSimpleName().endsWith("_Proxy") ? c.getSuperclass() : c;
  }
}
