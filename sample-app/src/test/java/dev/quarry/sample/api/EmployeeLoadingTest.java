package dev.quarry.sample.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.junit.QuarryTest;
import dev.quarry.junit.QueryCounter;
import dev.quarry.junit.TestDatabase;
import dev.quarry.orm.Session;
import dev.quarry.sample.http.Request;
import dev.quarry.sample.model.Employee;
import dev.quarry.sample.model.QEmployee;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The employee detail (manager, reports, peers) and the chain of managers send the same number of
 * statements however wide and deep the hierarchy is; a whole tree is written in one flush.
 */
@QuarryTest(database = TestDatabase.H2, entities = Employee.class)
class EmployeeLoadingTest {

  /**
   * A chain of {@code n} managers above {@code middle}, which has {@code n} reports and {@code n}
   * peers, all added in one flush (parents first, whatever the order they were added in).
   */
  private static Employee tree(Session session, int n) {
    List<Employee> all = new ArrayList<>();
    Employee top = employee("top", null, all);
    Employee boss = top;
    for (int i = 1; i < n; i++) {
      boss = employee("boss" + i, boss, all);
    }
    Employee middle = employee("middle", boss, all);
    for (int i = 0; i < n; i++) {
      employee("report" + i, middle, all);
      employee("peer" + i, boss, all);
    }
    java.util.Collections.reverse(all); // children added before their managers: the flush still orders them
    session.addAll(all);
    session.commit();
    session.expungeAll();
    return middle;
  }

  private static Employee employee(String name, Employee manager, List<Employee> all) {
    Employee e = new Employee();
    e.setName(name);
    e.setTitle("staff");
    e.setManager(manager);
    all.add(e);
    return e;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 15})
  void detailIsThreeStatements(int n, Session session, QueryCounter queries) {
    Employee middle = tree(session, n);
    Map<String, Object> detail = queries.assertQueries(3, () -> EmployeesApi.detail(session, middle.getId()));
    assertEquals(n == 1 ? "top" : "boss" + (n - 1), ((Map<?, ?>) detail.get("manager")).get("name"));
    assertEquals(n, ((List<?>) detail.get("reports")).size());
    assertEquals(n, ((List<?>) detail.get("peers")).size(), "the manager's other reports");
    assertEquals("report0", ((Map<?, ?>) ((List<?>) detail.get("reports")).get(0)).get("name"), "orderBy name");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 15})
  void chainIsTwoStatements(int n, Session session, QueryCounter queries) {
    Employee middle = tree(session, n);
    List<Map<String, Object>> chain = queries.assertQueries(2, () -> EmployeesApi.chain(session, middle.getId()));
    assertEquals(n, chain.size());
    assertEquals("top", chain.get(n - 1).get("name"));
    if (n > 1) {
      assertEquals("boss" + (n - 1), chain.get(0).get("name"));
      assertEquals(chain.get(1).get("id"), chain.get(0).get("managerId"));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 15})
  void listIsTwoStatements(int n, Session session, QueryCounter queries) {
    tree(session, n);
    Map<String, Object> page = queries.assertQueries(2, () -> Views.page(Request.get("size=100&sort=name"),
        session.select(QEmployee.employee).options(EmployeesApi.LIST), java.util.Set.of("name"), "name",
        Views::employee));
    assertEquals(3L * n + 1, page.get("total"));
    assertEquals(n, ((List<?>) page.get("items")).stream().filter(e -> "staff".equals(((Map<?, ?>) e).get("title"))
        && ((Map<?, ?>) e).get("managerId") != null && String.valueOf(((Map<?, ?>) e).get("name")).startsWith("report"))
        .count());
  }

  @ParameterizedTest
  @ValueSource(ints = {3})
  void theTreeIsStoredInOneFlushWithEveryManagerKey(int n, Session session) {
    Employee middle = tree(session, n);
    Employee loaded = session.get(Employee.class, middle.getId());
    assertEquals("boss" + (n - 1), loaded.getManager().getName());
    assertEquals("boss" + (n - 2), loaded.getManager().getManager().getName());
    assertEquals(List.of("report0", "report1", "report2"),
        loaded.getSubordinates().stream().map(Employee::getName).toList());
  }
}
