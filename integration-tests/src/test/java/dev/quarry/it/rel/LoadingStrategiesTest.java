package dev.quarry.it.rel;

import static dev.quarry.orm.Load.joined;
import static dev.quarry.orm.Load.noLoad;
import static dev.quarry.orm.Load.raise;
import static dev.quarry.orm.Load.selectIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.DetachedInstanceException;
import dev.quarry.orm.Load;
import dev.quarry.orm.RaiseLoadException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.EachDatabase;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.Parameter;

/**
 * Proof that N+1 is gone: 100 shoppers × 10 orders × 1 line, statements counted per strategy
 * (LAZY 101, SELECTIN 2, JOINED 1, three levels with SELECTIN 3), on SQLite, H2 and PostgreSQL.
 */
@EachDatabase
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadingStrategiesTest {
  static final Load ORDERS_WITH_LINES = selectIn(QShopper.shopper.orders).then(selectIn(QShopOrder.shopOrder.lines));

  @Parameter
  TestDatabase db;

  private final List<String> statements = new ArrayList<>();
  private SessionFactory sessions;

  private SessionFactory sessions() {
    if (sessions == null) {
      sessions = SessionFactory.builder(db.engine()).statementListener((sql, n) -> statements.add(sql)).build();
    }
    return sessions;
  }

  private int count() {
    int n = statements.size();
    statements.clear();
    return n;
  }

  @Test
  @Order(0)
  void createsFixturesThroughCollections() {
    Metadata.of(QShopper.shopper, QShopOrder.shopOrder, QOrderLine.orderLine).createAll(db.engine());
    try (Session s = sessions().openSession()) {
      for (int u = 0; u < 100; u++) {
        Shopper shopper = new Shopper("shopper" + u);
        for (int o = 0; o < 10; o++) {
          ShopOrder order = new ShopOrder(u * 10 + o);
          order.getLines().add(new OrderLine("sku" + u + "-" + o));
          shopper.getOrders().add(order);
        }
        s.add(shopper); // cascades to the orders and lines; the collections set their foreign keys
      }
      s.commit();
    }
    try (Session s = sessions().openSession()) {
      assertEquals(1000, s.select(ShopOrder.class).count());
      assertEquals(1000, s.select(OrderLine.class).where(QOrderLine.orderLine.orderId.isNotNull()).count());
    }
  }

  @Test
  @Order(1)
  void lazyIsOnePlusN() {
    try (Session s = sessions().openSession()) {
      count();
      List<Shopper> shoppers = s.select(QShopper.shopper).orderBy(QShopper.shopper.id.asc()).list();
      int orders = 0;
      for (Shopper shopper : shoppers) {
        orders += shopper.getOrders().size();
      }
      assertEquals(1000, orders);
      assertEquals(101, count(), "LAZY: one statement for the shoppers, one per shopper's orders");
      shoppers.get(0).getOrders().size();
      assertEquals(0, count(), "loaded once");
    }
  }

  @Test
  @Order(2)
  void selectInIsTwo() {
    try (Session s = sessions().openSession()) {
      count();
      List<Shopper> shoppers = s.select(QShopper.shopper).options(selectIn(QShopper.shopper.orders)).list();
      assertEquals(100, shoppers.size());
      for (Shopper shopper : shoppers) {
        List<ShopOrder> orders = shopper.getOrders();
        assertEquals(10, orders.size());
        assertTrue(orders.get(0).getId() < orders.get(9).getId(), "orderBy = id");
        assertSame(shopper, orders.get(0).getShopper(), "the reverse side is linked, no statement");
      }
      assertEquals(2, count(), "SELECTIN: shoppers + one IN query");
    }
  }

  @Test
  @Order(3)
  void joinedIsOne() {
    try (Session s = sessions().openSession()) {
      count();
      List<Shopper> shoppers = s.select(QShopper.shopper).options(joined(QShopper.shopper.orders)).list();
      assertEquals(100, shoppers.size(), "rows de-duplicated into distinct shoppers");
      for (Shopper shopper : shoppers) {
        assertEquals(10, shopper.getOrders().size());
        assertSame(shopper, shopper.getOrders().get(3).getShopper());
      }
      assertEquals(1, count(), "JOINED: one statement");
      assertTrue(statements.isEmpty());
    }
  }

  @Test
  @Order(4)
  void threeLevelsWithSelectInAreThree() {
    try (Session s = sessions().openSession()) {
      count();
      List<Shopper> shoppers = s.select(QShopper.shopper).options(ORDERS_WITH_LINES).list();
      int lines = 0;
      for (Shopper shopper : shoppers) {
        for (ShopOrder order : shopper.getOrders()) {
          lines += order.getLines().size();
          assertSame(order, order.getLines().get(0).getOrder());
        }
      }
      assertEquals(1000, lines);
      assertEquals(3, count(), "shoppers, orders, lines");
    }
  }

  @Test
  @Order(5)
  void manyToOneLazyAndSelectIn() {
    try (Session s = sessions().openSession()) {
      count();
      List<ShopOrder> orders = s.select(QShopOrder.shopOrder).list();
      for (ShopOrder o : orders) {
        o.getShopper().getName();
      }
      assertEquals(101, count(), "one per distinct shopper, then identity-map hits");
    }
    try (Session s = sessions().openSession()) {
      count();
      List<ShopOrder> orders = s.select(QShopOrder.shopOrder).options(selectIn(QShopOrder.shopOrder.shopper)).list();
      for (ShopOrder o : orders) {
        assertTrue(o.getShopper().getName().startsWith("shopper"));
      }
      assertEquals(2, count());
    }
    try (Session s = sessions().openSession()) {
      count();
      List<ShopOrder> orders = s.select(QShopOrder.shopOrder).options(joined(QShopOrder.shopOrder.shopper),
          joined(QShopOrder.shopOrder.lines)).list();
      assertEquals(1000, orders.size());
      for (ShopOrder o : orders) {
        assertTrue(o.getShopper().getName().startsWith("shopper"));
        assertEquals(1, o.getLines().size());
      }
      assertEquals(1, count(), "a joined reference and a joined collection in one statement");
    }
  }

  @Test
  @Order(6)
  void severalJoinedCollectionsDoNotMultiplyRows() {
    try (Session s = sessions().openSession()) {
      count();
      List<Shopper> shoppers = s.select(QShopper.shopper)
          .options(joined(QShopper.shopper.orders).then(joined(QShopOrder.shopOrder.lines))).list();
      assertEquals(100, shoppers.size());
      for (Shopper shopper : shoppers) {
        assertEquals(10, shopper.getOrders().size());
        for (ShopOrder o : shopper.getOrders()) {
          assertEquals(1, o.getLines().size());
        }
      }
      assertEquals(2, count(), "the second level's collection is loaded with one IN query");
    }
  }

  @Test
  @Order(7)
  void raiseNoLoadAndDetached() {
    Shopper detached;
    try (Session s = sessions().openSession()) {
      Shopper first = s.select(QShopper.shopper).options(raise(QShopper.shopper.orders))
          .orderBy(QShopper.shopper.id.asc()).first();
      RaiseLoadException e = assertThrows(RaiseLoadException.class, first::getOrders);
      assertTrue(e.getMessage().contains("Shopper.orders"), e.getMessage());
      assertTrue(e.getMessage().contains("Load.selectIn(QShopper.shopper.orders)"), e.getMessage());
      s.expunge(first);
      Shopper other = s.select(QShopper.shopper).options(noLoad(QShopper.shopper.orders))
          .where(QShopper.shopper.name.eq("shopper5")).one();
      count();
      assertEquals(0, other.getOrders().size());
      assertEquals(0, count());
      detached = s.select(QShopper.shopper).where(QShopper.shopper.name.eq("shopper6")).one();
    }
    DetachedInstanceException e = assertThrows(DetachedInstanceException.class, detached::getOrders);
    assertTrue(e.getMessage().contains("orders"), e.getMessage());
  }

  @Test
  @Order(8)
  void scopedQueriesAndExists() {
    try (Session s = sessions().openSession()) {
      Shopper shopper = s.select(QShopper.shopper).where(QShopper.shopper.name.eq("shopper3")).one();
      count();
      assertEquals(4, s.related(shopper, QShopper.shopper.orders).where(QShopOrder.shopOrder.total.gt(35)).count());
      List<ShopOrder> top = s.related(shopper, QShopper.shopper.orders).orderBy(QShopOrder.shopOrder.total.desc())
          .limit(2).list();
      assertEquals(List.of(39, 38), top.stream().map(ShopOrder::getTotal).toList());
      assertEquals(2, count(), "dynamic: the collection itself was never loaded");
      assertEquals(List.of("shopper99"), s.select(QShopper.shopper)
          .where(QShopper.shopper.orders.any(QShopOrder.shopOrder.total.gt(995))).list().stream()
          .map(Shopper::getName).toList());
      assertEquals(10, s.select(QShopOrder.shopOrder)
          .where(QShopOrder.shopOrder.shopper.has(QShopper.shopper.name.eq("shopper7"))).count());
      assertEquals(10, s.select(QShopOrder.shopOrder).join(QShopOrder.shopOrder.shopper)
          .where(QShopper.shopper.name.eq("shopper8")).count());
      s.add(new Shopper("nobody"));
      List<Shopper> without = s.select(QShopper.shopper).leftJoin(QShopper.shopper.orders)
          .where(QShopOrder.shopOrder.id.isNull()).list();
      assertEquals(List.of("nobody"), without.stream().map(Shopper::getName).toList());
      s.rollback();
    }
  }
}
