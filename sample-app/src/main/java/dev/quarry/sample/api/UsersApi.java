package dev.quarry.sample.api;

import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.Load;
import dev.quarry.orm.ScopedSession;
import dev.quarry.orm.Session;
import dev.quarry.orm.Synchronize;
import dev.quarry.sample.http.ApiException;
import dev.quarry.sample.http.Endpoints;
import dev.quarry.sample.http.Request;
import dev.quarry.sample.model.Order;
import dev.quarry.sample.model.Profile;
import dev.quarry.sample.model.QOrder;
import dev.quarry.sample.model.QProfile;
import dev.quarry.sample.model.QRole;
import dev.quarry.sample.model.QUser;
import dev.quarry.sample.model.Role;
import dev.quarry.sample.model.User;
import dev.quarry.sql.Sql;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /users}: list with search, role filter and pagination; detail with profile, roles and
 * order count; the user's orders page by page (DYNAMIC); grant and revoke roles through the
 * many-to-many collection; create, update, delete.
 */
final class UsersApi {
  private static final Set<String> SORT_KEYS = Set.of("id", "name", "email");
  private static final Set<String> FIELDS = Set.of("email", "name", "bio", "city", "roles");
  private static final QUser U = QUser.user;
  private static final QRole R = QRole.role;
  private static final QProfile P = QProfile.profile;

  /**
   * The list shows columns only. RAISE makes a view that would touch a relationship fail loudly
   * (in the tests) instead of sending one statement per listed user.
   */
  static final List<Load> LIST = List.of(Load.raise(U.profile), Load.raise(U.roles));

  /** The detail: the profile JOINED into the user's statement, the roles with one SELECTIN statement. */
  static final List<Load> DETAIL = List.of(Load.joined(U.profile), Load.selectIn(U.roles));

  private final ScopedSession sessions;

  UsersApi(ScopedSession sessions) {
    this.sessions = sessions;
  }

  void register(Endpoints routes) {
    routes.get("/users", this::list)
        .post("/users", 201, this::create)
        .get("/users/{id}", r -> detail(sessions.current(), r.id()))
        .put("/users/{id}", this::update)
        .delete("/users/{id}", 204, this::delete)
        .get("/users/{id}/orders", r -> orders(sessions.current(), r.id(), r))
        .put("/users/{id}/roles/{role}", r -> changeRole(r, true))
        .delete("/users/{id}/roles/{role}", 200, r -> changeRole(r, false))
        .get("/roles", r -> sessions.current().select(Role.class).orderBy("name").list().stream()
            .map(role -> Map.<String, Object>of("id", role.getId(), "name", role.getName())).toList());
  }

  private Object list(Request request) {
    EntityQuery<User> query = sessions.current().select(U).untracked().options(LIST); // a page only reads
    String q = request.query("q");
    if (q != null) {
      query = query.where(Sql.or(U.name.containsIgnoreCase(q), U.email.containsIgnoreCase(q)));
    }
    String role = request.query("role");
    if (role != null) {
      // EXISTS through the association table, from the relationship path: no hand-written join
      query = query.where(U.roles.any(R.name.eq(role)));
    }
    return Views.page(request, query, SORT_KEYS, "id", Views::user);
  }

  /**
   * The user with profile, roles and order count in three statements: the user with its profile
   * ({@link #DETAIL}, JOINED), the roles (SELECTIN), and a {@code COUNT} through the DYNAMIC
   * {@code User.orders} — counting is cheaper than loading a user's orders.
   */
  static Map<String, Object> detail(Session session, long id) {
    User user = session.select(U).where(U.id.eq(id)).options(DETAIL).oneOrNull();
    if (user == null) {
      throw ApiException.notFound("user", id);
    }
    Map<String, Object> m = Views.user(user);
    Profile profile = user.getProfile();
    m.put("bio", profile == null ? null : profile.getBio());
    m.put("city", profile == null ? null : profile.getCity());
    m.put("roles", roleNames(user));
    m.put("orders", session.related(user, U.orders).count());
    return m;
  }

  /**
   * {@code GET /users/{id}/orders?status=&sort=&page=&size=}: the DYNAMIC {@code User.orders}
   * gives a query scoped to the user, refined like any query — filtered, sorted, counted and
   * limited in SQL, so a user with thousands of orders costs the same three statements (the user,
   * the count, the page). RAISE on the items: the page shows none.
   */
  static Map<String, Object> orders(Session session, long userId, Request request) {
    User user = find(session, userId);
    EntityQuery<Order> query = session.related(user, U.orders).options(Load.raise(QOrder.order.items));
    String status = request.query("status");
    if (status != null) {
      query = query.where(QOrder.order.status.eq(OrdersApi.status(status)));
    }
    return Views.page(request, query, OrdersApi.SORT_KEYS, "-placedOn", Views::order);
  }

  /** Grants ({@code PUT}) or revokes ({@code DELETE}) a role: the flush writes or deletes the {@code user_roles} row. */
  private Object changeRole(Request request, boolean grant) {
    Session session = sessions.current();
    User user = find(session, request.id());
    String name = request.path("role");
    Role role = session.select(R).where(R.name.eq(name)).oneOrNull();
    if (role == null) {
      throw ApiException.notFound("role", name);
    }
    if (grant) {
      user.getRoles().add(role); // loads the collection (LAZY), then adds the association row at flush
    } else {
      user.getRoles().remove(role);
    }
    session.flush();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", user.getId());
    m.put("roles", roleNames(user));
    return m;
  }

  private Object create(Request request) {
    Map<String, Object> body = request.body(FIELDS);
    Session session = sessions.current();
    User user = new User();
    user.setEmail(email(body, true));
    user.setName(Request.string(body, "name", true, 80));
    if (body.containsKey("roles")) {
      user.getRoles().addAll(roles(session, body));
    }
    session.add(user);
    saveProfile(session, user, body);
    session.flush(); // one flush: the user, then its profile and user_roles rows that reference it
    return detail(session, user.getId());
  }

  private Object update(Request request) {
    Map<String, Object> body = request.body(FIELDS);
    Session session = sessions.current();
    User user = find(session, request.id());
    if (body.containsKey("email")) {
      user.setEmail(email(body, true));
    }
    if (body.containsKey("name")) {
      user.setName(Request.string(body, "name", true, 80));
    }
    saveProfile(session, user, body);
    if (body.containsKey("roles")) {
      Set<Role> wanted = roles(session, body);
      user.getRoles().retainAll(wanted); // the flush deletes the rows of the roles taken away
      user.getRoles().addAll(wanted); // and inserts the rows of the new ones
    }
    session.flush();
    return detail(session, user.getId());
  }

  private Object delete(Request request) {
    Session session = sessions.current();
    User user = find(session, request.id());
    long orders = session.related(user, U.orders).count();
    if (orders > 0) {
      throw new ApiException(409, "user " + user.getId() + " has " + orders + " orders; delete them first");
    }
    session.bulkDelete(Profile.class).where(P.userId.eq(user.getId())).execute(Synchronize.FETCH);
    session.delete(user); // the session deletes its user_roles rows first
    return null;
  }

  private static List<String> roleNames(User user) {
    return user.getRoles().stream().map(Role::getName).sorted().toList();
  }

  private static User find(Session session, long id) {
    User user = session.get(User.class, id);
    if (user == null) {
      throw ApiException.notFound("user", id);
    }
    return user;
  }

  private static String email(Map<String, Object> body, boolean required) {
    String email = Request.string(body, "email", required, 120);
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
      throw ApiException.badRequest("field 'email' must look like name@host, got '" + email + "'");
    }
    return email;
  }

  /** Creates or changes the profile through {@code User.profile} (LAZY: loaded only when bio or city change). */
  private static void saveProfile(Session session, User user, Map<String, Object> body) {
    if (!body.containsKey("bio") && !body.containsKey("city")) {
      return;
    }
    Profile profile = user.getProfile();
    if (profile == null) {
      profile = new Profile();
      profile.setUser(user);
      user.setProfile(profile);
      session.add(profile);
    }
    if (body.containsKey("bio")) {
      profile.setBio(Request.string(body, "bio", false, 400));
    }
    if (body.containsKey("city")) {
      profile.setCity(Request.string(body, "city", false, 80));
    }
  }

  /** The roles named in the body's {@code roles} array; 400 for an unknown name. */
  private static Set<Role> roles(Session session, Map<String, Object> body) {
    Map<String, Role> byName = new LinkedHashMap<>();
    for (Role role : session.select(Role.class).list()) {
      byName.put(role.getName(), role);
    }
    Set<Role> out = new LinkedHashSet<>();
    for (Object name : Request.list(body, "roles")) {
      Role role = byName.get(name);
      if (role == null) {
        throw ApiException.badRequest("unknown role " + name + "; known roles: " + byName.keySet());
      }
      out.add(role);
    }
    return out;
  }
}
