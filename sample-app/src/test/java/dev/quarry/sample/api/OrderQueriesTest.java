package dev.quarry.sample.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.engine.Engine;
import dev.quarry.junit.ExpectQueries;
import dev.quarry.junit.QuarryTest;
import dev.quarry.junit.QueryCounter;
import dev.quarry.orm.Session;
import dev.quarry.sample.model.Order;
import dev.quarry.sample.model.OrderItem;
import dev.quarry.sample.model.Product;
import dev.quarry.sample.model.User;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// tour:testing
@QuarryTest(entities = {User.class, Product.class, Order.class, OrderItem.class})
class OrderQueriesTest {
  Order order;

  @BeforeEach
  void placeAnOrder(Session session) {  // each test's writes are rolled back afterwards
    User ann = new User();
    ann.setEmail("ann@example.com");
    ann.setName("Ann");
    order = new Order();
    order.setUser(ann);
    order.setStatus("NEW");
    order.setPlacedOn(LocalDate.of(2026, 3, 1));
    order.setTotalCents(0L);
    session.addAll(List.of(ann, order));
    for (String name : List.of("mug", "tea", "spoon")) {
      Product p = new Product();
      p.setSku(name.toUpperCase());
      p.setName(name);
      p.setPriceCents(100L);
      p.setStock(10);
      OrderItem item = new OrderItem();
      item.setOrder(order);
      item.setProduct(p);
      item.setQuantity(1);
      item.setUnitPriceCents(100L);
      session.addAll(List.of(p, item));
    }
    session.commit();
  }

  @Test
  void orderDetailLoadsItsItemsWithoutOneQueryPerItem(Session session, QueryCounter queries) {
    // order + user JOINED, then the items with SELECTIN; the products are already in the session
    Map<String, Object> detail = queries.assertQueries(2, () -> OrdersApi.detail(session, order));
    assertEquals(3, ((List<?>) detail.get("items")).size());
  }

  @Test
  @ExpectQueries(2)  // the whole test body: fails with the statement list on an N+1 regression
  void listingOrdersOfAUser(Session session) {
    List<Order> orders = session.select(Order.class).filterBy("status", "NEW").list();
    assertEquals(1, session.select(Order.class).count());
    assertEquals(order.getId(), orders.get(0).getId());
  }

  @Test
  void nothingFromOtherTestsIsLeft(Engine engine) {
    assertEquals(1L, new dev.quarry.sample.model.OrderDao(engine).count());
  }
}
// end
