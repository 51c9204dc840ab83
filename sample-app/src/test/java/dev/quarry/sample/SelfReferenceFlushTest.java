package dev.quarry.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.junit.QuarryTest;
import dev.quarry.junit.TestDatabase;
import dev.quarry.orm.Session;
import dev.quarry.sample.model.Employee;
import dev.quarry.sample.model.EmployeeDao;
import dev.quarry.sample.model.QEmployee;
import org.junit.jupiter.api.Test;

/**
 * A parent and a child of a self-referencing table inserted in one flush: the child's foreign key
 * must be bound after the parent's generated id is known (the unit of work inserts parents first,
 * in separate statements when the database generates the ids).
 */
@QuarryTest(database = TestDatabase.H2, entities = Employee.class)
class SelfReferenceFlushTest {
  @Test
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
