package dev.quarry.sample.api;

import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.ScopedSession;
import dev.quarry.orm.Session;
import dev.quarry.sample.http.ApiException;
import dev.quarry.sample.http.Request;
import dev.quarry.sample.http.Router;
import dev.quarry.sample.model.Employee;
import dev.quarry.sample.model.QEmployee;
import java.util.Map;
import java.util.Set;

/** {@code /employees}: a self-referencing hierarchy; detail with manager and direct reports (a self-join alias). */
final class EmployeesApi {
  private static final Set<String> SORT_KEYS = Set.of("id", "name", "title");
  private static final Set<String> FIELDS = Set.of("name", "title", "managerId");
  private static final QEmployee E = QEmployee.employee;

  private final ScopedSession sessions;

  EmployeesApi(ScopedSession sessions) {
    this.sessions = sessions;
  }

  void register(Router router) {
    router.route("GET", "/employees", this::list)
        .route("POST", "/employees", 201, this::create)
        .route("GET", "/employees/{id}", this::show)
        .route("PUT", "/employees/{id}", this::update)
        .route("DELETE", "/employees/{id}", 204, this::delete);
  }

  private Object list(Request request) {
    EntityQuery<Employee> query = sessions.current().select(Employee.class);
    Long managerId = request.queryLong("managerId", 1, Long.MAX_VALUE);
    if (managerId != null) {
      query = query.where(E.managerId.eq(managerId));
    }
    if ("true".equals(request.query("top"))) {
      query = query.where(E.managerId.isNull());
    }
    return Views.page(request, query, SORT_KEYS, "name", Views::employee);
  }

  private Object show(Request request) {
    Session session = sessions.current();
    Employee e = find(session, request.id());
    Map<String, Object> m = Views.employee(e);
    Employee manager = e.getManager() == null ? null : session.get(Employee.class, e.getManager().getId());
    m.put("manager", manager == null ? null : Views.employee(manager));
    // Colleagues with the same manager: the employees table joined to itself through an alias.
    QEmployee peer = E.as("peer");
    m.put("reports", session.select(Employee.class).where(E.managerId.eq(e.getId())).orderBy(E.name.asc()).list()
        .stream().map(Views::employee).toList());
    m.put("peers", session.select(Employee.class).join(peer, peer.managerId.eq(E.managerId))
        .where(peer.id.eq(e.getId()), E.id.ne(e.getId())).orderBy(E.name.asc()).list()
        .stream().map(Views::employee).toList());
    return m;
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
    long reports = session.select(Employee.class).where(E.managerId.eq(e.getId())).count();
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
    for (Employee up = manager; self != null && up != null;
        up = up.getManager() == null ? null : session.get(Employee.class, up.getManager().getId())) {
      if (up.getId().equals(self.getId())) {
        throw ApiException.badRequest("field 'managerId': employee " + id + " reports to " + self.getId()
            + " already (a cycle)");
      }
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
