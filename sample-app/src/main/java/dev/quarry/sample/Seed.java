package dev.quarry.sample;

import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.sample.model.Employee;
import dev.quarry.sample.model.Order;
import dev.quarry.sample.model.OrderItem;
import dev.quarry.sample.model.Product;
import dev.quarry.sample.model.Profile;
import dev.quarry.sample.model.Role;
import dev.quarry.sample.model.User;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo data, written once in one transaction when the database has no users. Everything is
 * linked through relationships and written by one flush: the unit of work orders the INSERTs by
 * foreign key (users before profiles and orders, managers before their reports) and writes the
 * {@code user_roles} rows from {@link User#getRoles()}.
 */
public final class Seed {
  private Seed() {}

  /** Seeds when the users table is empty; returns whether it did. */
  public static boolean seedIfEmpty(SessionFactory sessions) {
    return sessions.inTransaction(session -> {
      if (session.select(User.class).exists()) {
        return false;
      }
      seed(session);
      return true;
    });
  }

  private static void seed(Session session) {
    Role admin = role(session, "admin");
    Role customer = role(session, "customer");
    role(session, "support");
    List<User> users = new ArrayList<>();
    String[][] people = {{"Ann Archer", "ann@example.com", "Lyon"}, {"Bob Baker", "bob@example.com", "Oslo"},
        {"Cleo Carter", "cleo@example.com", "Porto"}, {"Dan Dale", "dan@example.com", null},
        {"Eve Evans", "eve@example.com", "Graz"}};
    for (int i = 0; i < people.length; i++) {
      User u = new User();
      u.setName(people[i][0]);
      u.setEmail(people[i][1]);
      u.getRoles().add(customer); // a row of user_roles, written by the flush
      session.add(u);
      users.add(u);
      if (people[i][2] != null) {
        Profile profile = new Profile();
        profile.setUser(u);
        profile.setCity(people[i][2]);
        profile.setBio("Shopping since " + (2015 + i));
        session.add(profile);
      }
    }
    users.get(0).getRoles().add(admin);
    List<Product> products = new ArrayList<>();
    Object[][] catalog = {{"MUG-01", "Stoneware mug", 1200L, 40}, {"TEA-01", "Green tea, 100 g", 850L, 100},
        {"POT-01", "Cast-iron teapot", 5400L, 8}, {"SPN-01", "Bamboo spoon", 300L, 250},
        {"KTL-01", "Electric kettle", 3900L, 12}, {"CUP-02", "Glass cup", 700L, 0}};
    for (Object[] c : catalog) {
      Product p = new Product();
      p.setSku((String) c[0]);
      p.setName((String) c[1]);
      p.setPriceCents((Long) c[2]);
      p.setStock((Integer) c[3]);
      session.add(p);
      products.add(p);
    }
    int[][] orders = {{0, 0, 2, 1, 1}, {0, 2, 1}, {1, 1, 3, 3, 1}, {2, 0, 1, 4, 1}, {3, 3, 4}, {4, 1, 2}};
    String[] statuses = {"SHIPPED", "PAID", "NEW", "SHIPPED", "CANCELLED", "NEW"};
    for (int i = 0; i < orders.length; i++) {
      Order o = new Order();
      o.setUser(users.get(orders[i][0]));
      o.setStatus(statuses[i]);
      o.setPlacedOn(LocalDate.of(2026, 1, 1).plusDays(7L * i));
      long total = 0;
      List<OrderItem> items = new ArrayList<>();
      for (int k = 1; k + 1 < orders[i].length; k += 2) {
        Product p = products.get(orders[i][k]);
        OrderItem item = new OrderItem();
        item.setOrder(o);
        item.setProduct(p);
        item.setQuantity(orders[i][k + 1]);
        item.setUnitPriceCents(p.getPriceCents());
        total += p.getPriceCents() * orders[i][k + 1];
        items.add(item);
      }
      o.setTotalCents(total);
      session.add(o);
      session.addAll(items);
    }
    // The whole hierarchy in the same flush: the unit of work inserts each manager before its reports.
    Employee ceo = employee(session, "Grace Hopper", "Managing director", null);
    Employee ops = employee(session, "Alan Kay", "Head of operations", ceo);
    employee(session, "Ada Lovelace", "Head of product", ceo);
    employee(session, "Ken Thompson", "Warehouse lead", ops);
    employee(session, "Barbara Liskov", "Support lead", ops);
  }

  private static Role role(Session session, String name) {
    Role r = new Role();
    r.setName(name);
    session.add(r);
    return r;
  }

  private static Employee employee(Session session, String name, String title, Employee manager) {
    Employee e = new Employee();
    e.setName(name);
    e.setTitle(title);
    e.setManager(manager);
    session.add(e);
    return e;
  }
}
