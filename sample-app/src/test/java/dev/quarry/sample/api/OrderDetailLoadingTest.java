package dev.quarry.sample.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The order detail's statement count is the same for 1 and for 25 items: relationship loading, no N+1. */
@QuarryTest(entities = {User.class, Product.class, Order.class, OrderItem.class})
class OrderDetailLoadingTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 25})
  void detailSendsThreeStatementsWhateverTheItemCount(int itemCount, Session session, QueryCounter queries) {
    User ann = new User();
    ann.setEmail("ann@example.com");
    ann.setName("Ann");
    Order order = new Order();
    order.setUser(ann);
    order.setStatus("NEW");
    order.setPlacedOn(LocalDate.of(2026, 3, 1));
    order.setTotalCents(0L);
    session.addAll(List.of(ann, order));
    for (int n = 0; n < itemCount; n++) {
      Product p = new Product();
      p.setSku("SKU" + n);
      p.setName("product " + n);
      p.setPriceCents(50L);
      p.setStock(5);
      OrderItem item = new OrderItem();
      item.setOrder(order);
      item.setProduct(p);
      item.setQuantity(2);
      item.setUnitPriceCents(50L);
      session.addAll(List.of(p, item));
    }
    session.commit();
    session.expungeAll(); // an empty identity map: every row the detail needs comes from SQL

    Map<String, Object> detail = queries.assertQueries(3, () -> OrdersApi.detail(session, order));

    List<?> items = (List<?>) detail.get("items");
    assertEquals(itemCount, items.size());
    assertEquals(ann.getId(), detail.get("userId"));
    assertEquals("product 0", ((Map<?, ?>) items.get(0)).get("product"));
    assertEquals("product " + (itemCount - 1), ((Map<?, ?>) items.get(itemCount - 1)).get("product"));
  }
}
