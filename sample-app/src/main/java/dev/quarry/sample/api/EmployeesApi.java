package dev.quarry.sample.api;

import dev.quarry.engine.Result;
import dev.quarry.engine.Row;
import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.Load;
import dev.quarry.orm.ScopedSession;
import dev.quarry.orm.Session;
import dev.quarry.sample.http.ApiException;
import dev.quarry.sample.http.Endpoints;
import dev.quarry.sample.http.Request;
import dev.quarry.sample.model.Employee;
import dev.quarry.sample.model.QEmployee;
import dev.quarry.sql.CommonTable;
import dev.quarry.sql.NumberExpression;
import dev.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /employees}: a self-referencing hierarchy. The detail loads manager, direct reports and
 * peers through {@code Employee.manager} / {@code Employee.subordinates}; the chain of managers up
 * to the top is one recursive query.
 */
final class EmployeesApi {
  private static final Set<String> SORT_KEYS = Set.of("id", "name", "title");
  private static final Set<String> FIELDS = Set.of("name", "title", "managerId");
  private static final QEmployee E = QEmployee.employee;
  /** Bounds the recursive query should the data ever hold a cycle (the API refuses to make one). */
  private static final int MAX_DEPTH = 64;

  /**
   * The list shows the manager's id, so the manager is JOINED into the page's statement (reading a
   * LAZY reference would send one SELECT per manager not yet in the session); it never shows the
   * reports: RAISE.
   */
  static final List<Load> LIST = List.of(Load.joined(E.manager), Load.raise(E.subordinates));

  /**
   * The detail: the manager JOINED into the employee's statement, the employee's reports and the
   * manager's reports (the peers) with one SELECTIN statement each — three statements however
   * many reports and peers. The related employees are shown without their own manager
   * ({@link Views#employeeRef}): the manager's manager is not loaded.
   */
  static final List<Load> DETAIL = List.of(Load.joined(E.manager).then(Load.selectIn(E.subordinates)),
      Load.selectIn(E.subordinates));

  private final ScopedSession sessions;

  EmployeesApi(ScopedSession sessions) {
    this.sessions = sessions;
  }

  void register(Endpoints routes) {
    routes.get("/employees", this::list)
        .post("/employees", 201, this::create)
        .get("/employees/{id}", r -> detail(sessions.current(), r.id()))
        .get("/employees/{id}/chain", r -> chain(sessions.current(), r.id()))
        .put("/employees/{id}", this::update)
        .delete("/employees/{id}", 204, this::delete);
  }

  private Object list(Request request) {
    EntityQuery<Employee> query = sessions.current().select(E).untracked().options(LIST); // a page only reads
    Long managerId = request.queryLong("managerId", 1, Long.MAX_VALUE);
    if (managerId != null) {
      query = query.where(E.managerId.eq(managerId));
    }
    if ("true".equals(request.query("top"))) {
      query = query.where(E.managerId.isNull());
    }
    return Views.page(request, query, SORT_KEYS, "name", Views::employee);
  }

  /** The employee with manager, direct reports and peers, loaded with {@link #DETAIL}. */
  static Map<String, Object> detail(Session session, long id) {
    Employee e = session.select(E).where(E.id.eq(id)).options(DETAIL).oneOrNull();
    if (e == null) {
      throw ApiException.notFound("employee", id);
    }
    Map<String, Object> m = Views.employee(e);
    Employee manager = e.getManager();
    m.put("manager", manager == null ? null : Views.employeeRef(manager));
    m.put("reports", e.getSubordinates().stream().map(Views::employeeRef).toList());
    m.put("peers", manager == null ? List.of() : manager.getSubordinates().stream()
        .filter(peer -> peer != e) // one row, one object: the identity map makes this comparison valid
        .map(Views::employeeRef).toList());
    return m;
  }

  /**
   * {@code GET /employees/{id}/chain}: the managers from the direct one up to the top. Two
   * statements whatever the depth: a recursive query collects the ids, one query loads them.
   */
  static List<Map<String, Object>> chain(Session session, long id) {
    List<Long> ids = managerIds(session, id);
    if (ids.isEmpty()) {
      throw ApiException.notFound("employee", id);
    }
    List<Long> up = ids.subList(1, ids.size());
    Map<Long, Employee> byId = new HashMap<>();
    if (!up.isEmpty()) {
      for (Employee m : session.select(E).where(E.id.in(up)).options(LIST).list()) {
        byId.put(m.getId(), m);
      }
    }
    return up.stream().map(byId::get).map(Views::employee).toList();
  }

  /**
   * The employee's id followed by its managers' ids, nearest first (empty when there is no such
   * employee): {@code WITH RECURSIVE chain AS (the employee UNION ALL the manager of each row)}.
   */
  private static List<Long> managerIds(Session session, long id) {
    NumberExpression<Integer> depth = Sql.val(0).as("depth");
    CommonTable chain = Sql.recursiveCte("chain", Sql.select(E.id, E.managerId, depth).from(E).where(E.id.eq(id)),
        t -> Sql.select(E.id, E.managerId, t.field(depth).plus(1)).from(E).join(t, E.id.eq(t.field(E.managerId)))
            .where(t.field(depth).lt(MAX_DEPTH)));
    List<Long> ids = new ArrayList<>();
    try (Result rows = session.execute(Sql.select(chain.field(E.id)).from(chain).with(chain)
        .orderBy(chain.field(depth).asc()))) {
      for (Row row : rows) {
        ids.add(((Number) row.get(0)).longValue());
      }
    }
    return ids;
  }

  private Object create(Request request) {
    Map<String, Object> body = request.body(FIELDS);
    Session session = sessions.current();
    Employee e = new Employee();
    e.setName(Request.string(body, "name", true, 80));
    e.setTitle(Request.string(body, "title", true, 80));
    e.setManager(manager(session, body, null));
    session.add(e);
    session.flush();
    return Views.employee(e);
  }

  private Object update(Request request) {
    Map<String, Object> body = request.body(FIELDS);
    Session session = sessions.current();
    Employee e = find(session, request.id());
    if (body.containsKey("name")) {
      e.setName(Request.string(body, "name", true, 80));
    }
    if (body.containsKey("title")) {
      e.setTitle(Request.string(body, "title", true, 80));
    }
    if (body.containsKey("managerId")) {
      e.setManager(manager(session, body, e));
    }
    session.flush();
    return Views.employee(e);
  }

  private Object delete(Request request) {
    Session session = sessions.current();
    Employee e = find(session, request.id());
    long reports = session.related(e, E.subordinates).count(); // a COUNT, not the loaded collection
    if (reports > 0) {
      throw new ApiException(409, "employee " + e.getId() + " manages " + reports + " people; reassign them first");
    }
    session.delete(e);
    return null;
  }

  /** The manager named by {@code managerId} (null clears it); rejects unknown ids and cycles. */
  private static Employee manager(Session session, Map<String, Object> body, Employee self) {
    Long id = Request.number(body, "managerId", false, 1, Long.MAX_VALUE);
    if (id == null) {
      return null;
    }
    Employee manager = session.get(Employee.class, id);
    if (manager == null) {
      throw ApiException.badRequest("field 'managerId': employee " + id + " does not exist");
    }
    if (self != null && id.equals(self.getId())) {
      throw ApiException.badRequest("field 'managerId': an employee cannot manage themselves");
    }
    if (self != null && managerIds(session, id).contains(self.getId())) {
      throw ApiException.badRequest("field 'managerId': employee " + id + " reports to " + self.getId()
          + " already (a cycle)");
    }
    return manager;
  }

  private static Employee find(Session session, long id) {
    Employee e = session.get(Employee.class, id);
    if (e == null) {
      throw ApiException.notFound("employee", id);
    }
    return e;
  }
}
