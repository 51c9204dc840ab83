package dev.quarry.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.junit.QuarryTest;
import dev.quarry.junit.TestDatabase;
import dev.quarry.orm.Session;
import dev.quarry.sample.model.Employee;
import dev.quarry.sample.model.EmployeeDao;
import dev.quarry.sample.model.QEmployee;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * A parent and a child of a self-referencing table inserted in one flush. Passes on SQLite;
 * disabled on H2 (and fails the same way on PostgreSQL) until the unit of work binds a child's key
 * after its parent's generated id is known — {@link Seed} flushes per level meanwhile.
 */
@QuarryTest(database = TestDatabase.H2, entities = Employee.class)
class SelfReferenceFlushTest {
  @Test
  @Disabled("runtime: new rows of one table go in one JDBC batch on H2/PostgreSQL, so manager_id is bound as NULL")
  void childKeepsItsNewManager(Session session, dev.quarry.engine.Engine engine) {
    Employee boss = new Employee();
    boss.setName("Boss");
    boss.setTitle("Boss");
    Employee worker = new Employee();
    worker.setName("Worker");
    worker.setTitle("Worker");
    worker.setManager(boss);
    session.add(boss);
    session.add(worker);
    session.commit();
    Employee stored = new EmployeeDao(engine).findOneBy(QEmployee.employee.name.eq("Worker")).orElseThrow();
    assertEquals(boss.getId(), stored.getManager() == null ? null : stored.getManager().getId(), "manager_id");
  }
}
