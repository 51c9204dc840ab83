package dev.quarry.sample.api;

import dev.quarry.engine.Result;
import dev.quarry.engine.Row;
import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.Load;
import dev.quarry.orm.ScopedSession;
import dev.quarry.orm.Session;
import dev.quarry.orm.Synchronize;
import dev.quarry.sample.http.ApiException;
import dev.quarry.sample.http.Request;
import dev.quarry.sample.http.Router;
import dev.quarry.sample.model.Order;
import dev.quarry.sample.model.Profile;
import dev.quarry.sample.model.QOrder;
import dev.quarry.sample.model.QProfile;
import dev.quarry.sample.model.QRole;
import dev.quarry.sample.model.QUser;
import dev.quarry.sample.model.QUserRole;
import dev.quarry.sample.model.Role;
import dev.quarry.sample.model.User;
import dev.quarry.sample.model.UserRole;
import dev.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /users}: list with search, role filter and pagination; detail with profile and roles; create, update, delete. */
final class UsersApi {
  private static final Set<String> SORT_KEYS = Set.of("id", "name", "email");
  private static final Set<String> FIELDS = Set.of("email", "name", "bio", "city", "roles");
  private static final QUser U = QUser.user;
  private static final QUserRole UR = QUserRole.userRole;
  private static final QRole R = QRole.role;
  private static final QProfile P = QProfile.profile;

  private final ScopedSession sessions;

  UsersApi(ScopedSession sessions) {
    this.sessions = sessions;
  }

  void register(Router router) {
    router.route("GET", "/users", this::list)
        .route("POST", "/users", 201, this::create)
        .route("GET", "/users/{id}", this::show)
        .route("PUT", "/users/{id}", this::update)
        .route("DELETE", "/users/{id}", 204, this::delete)
        .route("GET", "/roles", r -> sessions.current().select(Role.class).orderBy("name").list().stream()
            .map(role -> Map.<String, Object>of("id", role.getId(), "name", role.getName())).toList());
  }

  private Object list(Request request) {
    EntityQuery<User> query = sessions.current().select(User.class);
    String q = request.query("q");
    if (q != null) {
      query = query.where(Sql.or(U.name.containsIgnoreCase(q), U.email.containsIgnoreCase(q)));
    }
    String role = request.query("role");
    if (role != null) {
      query = query.join(UR, UR.userId.eq(U.id)).join(R, R.id.eq(UR.roleId)).where(R.name.eq(role));
    }
    return Views.page(request, query, SORT_KEYS, "id", Views::user);
  }

  private Object show(Request request) {
    Session session = sessions.current();
    User user = find(session, request.id());
    Map<String, Object> m = show(session, user);
    m.put("orders", session.select(Order.class).where(QOrder.order.userId.eq(user.getId())).count());
    return m;
  }

  /** Role names through a Core join across the generated tables, in the request's transaction. */
  static List<String> roleNames(Session session, long userId) {
    List<String> names = new ArrayList<>();
    try (Result rows = session.execute(Sql.select(R.name).from(R).join(UR, UR.roleId.eq(R.id))
        .where(UR.userId.eq(userId)).orderBy(R.name.asc()))) {
      for (Row row : rows) {
        names.add(row.get(R.name));
      }
    }
    return names;
  }

  private Object create(Request request) {
    Map<String, Object> body = request.body(FIELDS);
    Session session = sessions.current();
    User user = new User();
    user.setEmail(email(body, true));
    user.setName(Request.string(body, "name", true, 80));
    session.add(user);
    session.flush(); // assigns the id that the profile and role rows refer to
    saveProfile(session, user, body);
    if (body.containsKey("roles")) {
      setRoles(session, user, body);
    }
    session.flush();
    return show(session, user);
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
      session.bulkDelete(UserRole.class).where(UR.userId.eq(user.getId())).execute(Synchronize.FETCH);
      setRoles(session, user, body);
    }
    session.flush();
    return show(session, user);
  }

  private Object delete(Request request) {
    Session session = sessions.current();
    User user = find(session, request.id());
    long orders = session.select(Order.class).where(QOrder.order.userId.eq(user.getId())).count();
    if (orders > 0) {
      throw new ApiException(409, "user " + user.getId() + " has " + orders + " orders; delete them first");
    }
    session.bulkDelete(Profile.class).where(P.userId.eq(user.getId())).execute(Synchronize.FETCH);
    session.delete(user); // user_roles rows go with it (ON DELETE CASCADE)
    return null;
  }

  private Map<String, Object> show(Session session, User user) {
    // the profile through the inverse one-to-one, JOINED into the user's statement
    User loaded = session.select(U).where(U.id.eq(user.getId())).options(Load.joined(U.profile)).one();
    Map<String, Object> m = Views.user(loaded);
    Profile profile = loaded.getProfile();
    m.put("bio", profile == null ? null : profile.getBio());
    m.put("city", profile == null ? null : profile.getCity());
    m.put("roles", roleNames(session, user.getId()));
    return m;
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

  private static void saveProfile(Session session, User user, Map<String, Object> body) {
    if (!body.containsKey("bio") && !body.containsKey("city")) {
      return;
    }
    Profile profile = session.select(Profile.class).where(P.userId.eq(user.getId())).oneOrNull();
    if (profile == null) {
      profile = new Profile();
      profile.setUser(user);
      session.add(profile);
    }
    if (body.containsKey("bio")) {
      profile.setBio(Request.string(body, "bio", false, 400));
    }
    if (body.containsKey("city")) {
      profile.setCity(Request.string(body, "city", false, 80));
    }
  }

  private static void setRoles(Session session, User user, Map<String, Object> body) {
    Map<String, Role> byName = new LinkedHashMap<>();
    for (Role role : session.select(Role.class).list()) {
      byName.put(role.getName(), role);
    }
    for (Object name : Request.list(body, "roles")) {
      Role role = byName.get(name);
      if (role == null) {
        throw ApiException.badRequest("unknown role " + name + "; known roles: " + byName.keySet());
      }
      UserRole link = new UserRole();
      link.setUser(user);
      link.setRole(role);
      session.add(link);
    }
  }
}
