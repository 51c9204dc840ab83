package dev.quarry.sample.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.junit.QuarryTest;
import dev.quarry.junit.QueryCounter;
import dev.quarry.orm.Load;
import dev.quarry.orm.RaiseLoadException;
import dev.quarry.orm.Session;
import dev.quarry.sample.http.Request;
import dev.quarry.sample.model.Order;
import dev.quarry.sample.model.OrderItem;
import dev.quarry.sample.model.Product;
import dev.quarry.sample.model.Profile;
import dev.quarry.sample.model.QOrder;
import dev.quarry.sample.model.QUser;
import dev.quarry.sample.model.Role;
import dev.quarry.sample.model.User;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The user endpoints send the same number of statements for a user with one role and one order as
 * for one with many (no N+1): detail (JOINED profile, SELECTIN roles, COUNT through the DYNAMIC
 * orders), the user's orders page (DYNAMIC: count and page in SQL) and the user list (RAISE).
 */
@QuarryTest(entities = {User.class, Profile.class, Role.class, Product.class, Order.class, OrderItem.class})
class UserLoadingTest {

  /** A user with {@code n} roles and {@code n} orders (every third one SHIPPED), and {@code n} more users. */
  private static User shop(Session session, int n) {
    User ann = user("ann", "Lyon");
    session.add(ann);
    for (int i = 0; i < n; i++) {
      Role role = new Role();
      role.setName("role" + (char) ('a' + i));
      ann.getRoles().add(role);
      Order order = new Order();
      order.setUser(ann);
      order.setStatus(i % 3 == 0 ? "SHIPPED" : "NEW");
      order.setPlacedOn(LocalDate.of(2026, 1, 1).plusDays(i));
      order.setTotalCents(100L * i);
      User other = user("other" + i, i % 2 == 0 ? "Oslo" : null);
      Order theirs = new Order();
      theirs.setUser(other);
      theirs.setStatus("NEW");
      theirs.setPlacedOn(LocalDate.of(2025, 1, 1));
      theirs.setTotalCents(0L);
      session.addAll(List.of(role, order, other, theirs));
    }
    session.commit();
    session.expungeAll(); // an empty identity map: everything the endpoints need comes from SQL
    return ann;
  }

  private static User user(String name, String city) {
    User u = new User();
    u.setName(name);
    u.setEmail(name + "@example.com");
    if (city != null) {
      Profile p = new Profile();
      p.setUser(u);
      p.setCity(city);
      u.setProfile(p);
    }
    return u;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 20})
  void detailIsThreeStatements(int n, Session session, QueryCounter queries) {
    User ann = shop(session, n);
    Map<String, Object> detail = queries.assertQueries(3, () -> UsersApi.detail(session, ann.getId()));
    assertEquals("Lyon", detail.get("city"));
    assertEquals(n, ((List<?>) detail.get("roles")).size());
    assertEquals("rolea", ((List<?>) detail.get("roles")).get(0));
    assertEquals((long) n, detail.get("orders"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 20})
  void ordersPageIsThreeStatements(int n, Session session, QueryCounter queries) {
    User ann = shop(session, n);
    Map<String, Object> page = queries.assertQueries(3, () -> UsersApi.orders(session, ann.getId(),
        Request.get("status=SHIPPED&size=2&sort=placedOn")));
    long shipped = (n + 2) / 3;
    assertEquals(shipped, page.get("total"));
    List<?> items = (List<?>) page.get("items");
    assertEquals(Math.min(2, shipped), (long) items.size());
    assertEquals(LocalDate.of(2026, 1, 1), ((Map<?, ?>) items.get(0)).get("placedOn"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 20})
  void userListIsTwoStatementsAndTouchesNoRelationship(int n, Session session, QueryCounter queries) {
    shop(session, n);
    Map<String, Object> page = queries.assertQueries(2, () -> Views.page(Request.get("size=50"),
        session.select(QUser.user).options(UsersApi.LIST), java.util.Set.of("id"), "id", Views::user));
    assertEquals((long) n + 1, page.get("total"));
    User first = session.select(QUser.user).options(UsersApi.LIST).list().get(0);
    assertThrows(RaiseLoadException.class, first::getProfile, "a list view may not load the profile");
    assertThrows(RaiseLoadException.class, () -> first.getRoles().size());
    assertThrows(RaiseLoadException.class, () -> first.getOrders().size(), "DYNAMIC: query it instead");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 20})
  void orderListIsTwoStatements(int n, Session session, QueryCounter queries) {
    User ann = shop(session, n);
    Map<String, Object> page = queries.assertQueries(2, () -> Views.page(Request.get("size=100"),
        session.select(QOrder.order).options(OrdersApi.LIST), OrdersApi.SORT_KEYS, "-placedOn", Views::order));
    assertEquals(2L * n, page.get("total"));
    assertEquals(n, ((List<?>) page.get("items")).stream().filter(o -> ann.getId().equals(((Map<?, ?>) o)
        .get("userId"))).count(), "every order shows its user's id, the users JOINED into the page's statement");
  }

  @ParameterizedTest
  @ValueSource(ints = {2})
  void theDynamicCollectionIsAQueryScopedToTheUser(int n, Session session) {
    User ann = shop(session, n);
    User loaded = session.get(User.class, ann.getId());
    assertEquals(n, session.related(loaded, QUser.user.orders).count());
    assertEquals(n, session.select(QUser.user).where(QUser.user.id.eq(ann.getId()))
        .options(Load.selectIn(QUser.user.orders)).one().getOrders().size(), "a query option can still load it");
  }
}
