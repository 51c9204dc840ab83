package dev.quarry.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import dev.quarry.engine.Row;
import dev.quarry.engine.Transaction;
import dev.quarry.engine.UniqueViolationException;
import dev.quarry.orm.Load;
import dev.quarry.orm.Page;
import dev.quarry.orm.PendingRollbackException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.sample.model.Order;
import dev.quarry.sample.model.Product;
import dev.quarry.sample.model.QOrder;
import dev.quarry.sample.model.QProduct;
import dev.quarry.sample.model.QRole;
import dev.quarry.sample.model.QUser;
import dev.quarry.sample.model.Role;
import dev.quarry.sample.model.User;
import dev.quarry.sample.model.UserDao;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Sql;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README tour: the code between {@code // tour:NAME} and {@code // end} markers is quoted
 * verbatim in README.md ({@link ReadmeSnippetsTest} checks it), so every snippet there compiles
 * and runs here.
 */
class ReadmeTourTest {
  @TempDir Path dir;
  Engine engine;
  SessionFactory sessions;

  @BeforeEach
  void open() {
    engine = Engine.create("jdbc:sqlite:" + dir.resolve("tour.db"));
    Shop.METADATA.createAll(engine);
    sessions = SessionFactory.of(engine);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void engineAndPool() {
    // tour:engine
    try (Engine engine = Engine.builder("jdbc:sqlite:" + dir.resolve("shop.db")).poolSize(4).build()) {
      Metadata.of(QUser.user, QProduct.product).createAll(engine, true); // CREATE TABLE ... unless they exist
      try (Connection conn = engine.connect()) {
        Object answer = conn.execute(Sql.text("SELECT 6 * :n AS answer").bind("n", 7)).scalar();
        assertEquals(42, ((Number) answer).intValue());
      }
      engine.runInTransaction(conn -> conn.executeUpdate(
          Sql.insertInto(QUser.user).set(QUser.user.email, "ann@example.com").set(QUser.user.name, "Ann")));
    }
    // end
  }

  @Test
  void coreQueries() {
    // tour:core
    QUser u = QUser.user;
    QOrder o = QOrder.order;
    engine.runInTransaction(conn -> {
      conn.executeUpdate(Sql.insertInto(u).set(u.email, "ann@example.com").set(u.name, "Ann"));
      conn.executeUpdate(Sql.insertInto(u).set(u.email, "bob@example.com").set(u.name, "Bob"));
      conn.executeUpdate(Sql.insertInto(o).set(o.userId, 1L).set(o.status, "PAID")
          .set(o.placedOn, LocalDate.of(2026, 1, 5)).set(o.totalCents, 1200L));
    });
    var orders = Sql.count(o.id).as("orders");
    try (Connection conn = engine.connect()) {
      List<Row> rows = conn.execute(Sql.select(u.name, orders)
          .from(u).leftJoin(o, o.userId.eq(u.id).and(o.status.ne("CANCELLED")))
          .groupBy(u.name).orderBy(u.name.asc())).fetchAll();
      assertEquals("Ann", rows.get(0).get(u.name));
      assertEquals(1L, rows.get(0).get(orders));
      assertEquals(0L, rows.get(1).get(orders));
    }
    // end
  }

  @Test
  void session() {
    // tour:session
    User ann = new User();
    ann.setEmail("ann@example.com");
    ann.setName("Ann");
    try (Session session = sessions.openSession()) {
      session.add(ann);  // pending
      session.commit();  // INSERT, COMMIT; ann.getId() is now set
    }
    try (Session session = sessions.openSession()) {
      User loaded = session.get(User.class, ann.getId());          // SELECT
      assertSame(loaded, session.get(User.class, ann.getId()));    // identity map: no SQL
      loaded.setName("Ann Archer");                                 // tracked
      session.commit();  // UPDATE users SET name = ? WHERE users.id = ?
    }
    // end
    assertEquals("Ann Archer", new UserDao(engine).findById(ann.getId()).orElseThrow().getName());
  }

  @Test
  void daos() {
    // tour:dao
    UserDao users = new UserDao(engine);  // generated: CRUD, counts, one finder per unique column
    User bob = new User();
    bob.setEmail("bob@example.com");
    bob.setName("Bob");
    users.insert(bob);
    assertEquals("Bob", users.findByEmail("bob@example.com").orElseThrow().getName());
    assertEquals(1, users.count(QUser.user.name.startsWith("B")));
    // end
  }

  @Test
  void queries() {
    seedProducts();
    // tour:queries
    QProduct p = QProduct.product;
    try (Session session = sessions.openSession()) {
      List<Product> cheap = session.select(Product.class)
          .where(p.priceCents.lt(1000L), p.stock.gt(0))
          .orderBy(p.priceCents.desc())
          .list();
      Product mug = session.select(Product.class).filterBy("sku", "MUG-01").one();
      Page<Product> second = session.select(Product.class).orderBy("name").page(2, 2);
      assertEquals(List.of("TEA-01", "SPN-01"), cheap.stream().map(Product::getSku).toList());
      assertEquals("Stoneware mug", mug.getName());
      assertEquals(3, second.totalPages());
    }
    // end
  }

  @Test
  void relationships() {
    // tour:relationships
    try (Session session = sessions.openSession()) {
      Role admin = new Role();
      admin.setName("admin");
      User ann = new User();
      ann.setEmail("ann@example.com");
      ann.setName("Ann");
      ann.getRoles().add(admin);     // @ManyToMany: the flush writes a user_roles row
      Order order = new Order();
      order.setUser(ann);            // @ManyToOne: the flush writes orders.user_id
      order.setStatus("NEW");
      order.setPlacedOn(LocalDate.of(2026, 2, 1));
      order.setTotalCents(0L);
      session.addAll(List.of(order, ann, admin));  // one flush, INSERTs ordered by foreign key
      session.commit();
    }
    try (Session session = sessions.openSession()) {
      QUser u = QUser.user;
      User ann = session.select(u).where(u.email.eq("ann@example.com"))
          .options(Load.joined(u.profile), Load.selectIn(u.roles))  // two statements, however many roles
          .one();
      assertEquals(List.of("admin"), ann.getRoles().stream().map(Role::getName).toList());
      // User.orders is DYNAMIC: a query scoped to the user, filtered, counted and paged in SQL
      assertEquals(1, session.related(ann, u.orders).where(QOrder.order.status.eq("NEW")).count());
      Order order = session.select(Order.class).one();
      assertSame(ann, order.getUser());  // LAZY: loaded on first access, here from the identity map
      assertEquals(List.of(ann), session.select(u).where(u.roles.any(QRole.role.name.eq("admin"))).list());
    }
    // end
  }

  @Test
  void transactions() {
    seedProducts();
    // tour:transactions
    sessions.runInTransaction(session -> session.get(Product.class, 1L).setStock(39)); // commit or roll back

    try (Transaction tx = engine.begin()) {
      Connection conn = tx.connection();
      conn.executeUpdate(Sql.update(QProduct.product).set(QProduct.product.stock, 0));
      try (Transaction savepoint = conn.beginNested()) {
        conn.executeUpdate(Sql.deleteFrom(QProduct.product));
        savepoint.rollback();            // ROLLBACK TO SAVEPOINT: the rows are back
      }
      tx.commit();
    }

    try (Session session = sessions.openSession()) {
      Product copy = new Product();
      copy.setSku("MUG-01");  // duplicate of a unique column
      copy.setName("Copy");
      copy.setPriceCents(1L);
      copy.setStock(1);
      session.add(copy);
      assertThrows(UniqueViolationException.class, session::flush);       // typed, rolled back
      assertThrows(PendingRollbackException.class, () -> session.get(Product.class, 1L));
      session.rollback();                                                   // usable again
      assertNull(copy.getId());
      assertEquals(0, session.get(Product.class, 1L).getStock());
    }
    // end
  }

  private void seedProducts() {
    Object[][] rows = {{"MUG-01", "Stoneware mug", 1200L, 40}, {"TEA-01", "Green tea", 850L, 100},
        {"SPN-01", "Bamboo spoon", 300L, 250}, {"CUP-02", "Glass cup", 700L, 0}, {"POT-01", "Teapot", 5400L, 8}};
    engine.runInTransaction(conn -> {
      for (Object[] r : rows) {
        conn.executeUpdate(Sql.insertInto(QProduct.product).set(QProduct.product.sku, (String) r[0])
            .set(QProduct.product.name, (String) r[1]).set(QProduct.product.priceCents, (Long) r[2])
            .set(QProduct.product.stock, (Integer) r[3]));
      }
    });
  }
}
