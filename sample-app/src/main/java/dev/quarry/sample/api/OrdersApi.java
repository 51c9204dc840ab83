package dev.quarry.sample.api;

import dev.quarry.engine.Result;
import dev.quarry.engine.Row;
import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.Load;
import dev.quarry.orm.ScopedSession;
import dev.quarry.orm.Session;
import dev.quarry.orm.Synchronize;
import dev.quarry.sample.http.ApiException;
import dev.quarry.sample.http.Endpoints;
import dev.quarry.sample.http.Request;
import dev.quarry.sample.model.Order;
import dev.quarry.sample.model.OrderItem;
import dev.quarry.sample.model.Product;
import dev.quarry.sample.model.QOrder;
import dev.quarry.sample.model.QOrderItem;
import dev.quarry.sample.model.QProduct;
import dev.quarry.sample.model.QUser;
import dev.quarry.sample.model.User;
import dev.quarry.sql.Sql;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /orders}: list by user and status; detail with items; place (checks and takes stock), change status, delete. */
final class OrdersApi {
  static final Set<String> STATUSES = Set.of("NEW", "PAID", "SHIPPED", "CANCELLED");
  static final Set<String> SORT_KEYS = Set.of("id", "placedOn", "totalCents", "status");
  private static final QOrder O = QOrder.order;
  private static final QOrderItem I = QOrderItem.orderItem;
  private static final QProduct P = QProduct.product;
  private static final QUser U = QUser.user;

  private final ScopedSession sessions;

  OrdersApi(ScopedSession sessions) {
    this.sessions = sessions;
  }

  void register(Endpoints routes) {
    routes.get("/orders", this::list)
        .post("/orders", 201, this::create)
        .get("/orders/{id}", r -> detail(sessions.current(), find(sessions.current(), r.id())))
        .put("/orders/{id}", this::update)
        .delete("/orders/{id}", 204, this::delete)
        .get("/reports/top-products", this::topProducts);
  }

  private Object list(Request request) {
    EntityQuery<Order> query = sessions.current().select(O).untracked().options(LIST); // a page only reads
    Long userId = request.queryLong("userId", 1, Long.MAX_VALUE);
    if (userId != null) {
      query = query.where(O.userId.eq(userId));
    }
    String status = request.query("status");
    if (status != null) {
      query = query.where(O.status.eq(status(status)));
    }
    return Views.page(request, query, SORT_KEYS, "-placedOn", Views::order);
  }

  /**
   * The list shows the user's id: the user is JOINED into the page's statement (a LAZY reference
   * would send one SELECT per user not yet in the session). It shows no items: RAISE.
   */
  static final List<Load> LIST = List.of(Load.joined(O.user), Load.raise(O.items));

  /**
   * The user JOINED into the order's statement, the items with one SELECTIN statement and their
   * products with one more: three statements however many items (levels below the first always
   * load with SELECTIN, so asking JOINED for the products would be the same).
   */
  static final List<Load> DETAIL = List.of(Load.joined(O.user), Load.selectIn(O.items).then(Load.selectIn(I.product)));

  /** The order with its items: the order is re-selected with the {@link #DETAIL} loader options. */
  static Map<String, Object> detail(Session session, Order order) {
    Order loaded = session.select(O).where(O.id.eq(order.getId())).options(DETAIL).one();
    Map<String, Object> m = Views.order(loaded);
    List<Map<String, Object>> items = new ArrayList<>();
    for (OrderItem line : loaded.getItems()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", line.getId());
      item.put("productId", line.getProduct().getId());
      item.put("product", line.getProduct().getName());
      item.put("quantity", line.getQuantity());
      item.put("unitPriceCents", line.getUnitPriceCents());
      items.add(item);
    }
    m.put("items", items);
    return m;
  }

  private Object create(Request request) {
    Map<String, Object> body = request.body(Set.of("userId", "items"));
    Session session = sessions.current();
    long userId = Request.number(body, "userId", true, 1, Long.MAX_VALUE);
    User user = session.get(User.class, userId);
    if (user == null) {
      throw ApiException.badRequest("field 'userId': user " + userId + " does not exist");
    }
    List<Object> lines = Request.list(body, "items");
    if (lines.isEmpty() || lines.size() > 50) {
      throw ApiException.badRequest("field 'items' must hold 1 to 50 lines");
    }
    Order order = new Order();
    order.setUser(user);
    order.setStatus("NEW");
    order.setPlacedOn(LocalDate.now());
    long total = 0;
    List<OrderItem> items = new ArrayList<>();
    for (Object line : lines) {
      if (!(line instanceof Map<?, ?> raw)) {
        throw ApiException.badRequest("each item must be an object {\"productId\": n, \"quantity\": n}");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) raw;
      long productId = Request.number(fields, "productId", true, 1, Long.MAX_VALUE);
      int quantity = Request.number(fields, "quantity", true, 1, 1000).intValue();
      Product product = session.get(Product.class, productId);
      if (product == null) {
        throw ApiException.badRequest("item: product " + productId + " does not exist");
      }
      // Take the stock with one conditional UPDATE: concurrent orders cannot both take the last
      // items (no lost update); FETCH keeps the product object in the session up to date.
      int taken = session.bulkUpdate(Product.class).set(P.stock, P.stock.minus(quantity))
          .where(P.id.eq(productId), P.stock.ge(quantity)).execute(Synchronize.FETCH);
      if (taken == 0) {
        throw new ApiException(409, "only " + session.get(Product.class, productId).getStock() + " of product "
            + productId + " in stock");
      }
      OrderItem item = new OrderItem();
      item.setOrder(order);
      item.setProduct(product);
      item.setQuantity(quantity);
      item.setUnitPriceCents(product.getPriceCents());
      items.add(item);
      total += product.getPriceCents() * quantity;
    }
    order.setTotalCents(total);
    order.setItems(items); // the loaded collection the detail view reads
    session.add(order);
    session.addAll(items); // flush inserts the order first: items reference it
    session.flush();
    return detail(session, order);
  }

  private Object update(Request request) {
    Map<String, Object> body = request.body(Set.of("status"));
    Order order = find(sessions.current(), request.id());
    order.setStatus(status(Request.string(body, "status", true, 20)));
    sessions.current().flush();
    return Views.order(order);
  }

  private Object delete(Request request) {
    Session session = sessions.current();
    session.delete(find(session, request.id())); // items go with it (ON DELETE CASCADE)
    return null;
  }

  /** Best sellers: a Core aggregate over a three-table join, with the session's connection. */
  private Object topProducts(Request request) {
    int limit = request.queryInt("limit", 5, 1, 50);
    var sold = Sql.sum(I.quantity).as("sold");
    var buyers = Sql.countDistinct(O.userId).as("buyers");
    List<Map<String, Object>> out = new ArrayList<>();
    try (Result rows = sessions.current().execute(Sql.select(P.id, P.name, sold, buyers)
        .from(I).join(P, P.id.eq(I.productId)).join(O, O.id.eq(I.orderId)).join(U, U.id.eq(O.userId))
        .where(O.status.ne("CANCELLED")).groupBy(P.id, P.name).orderBy(sold.desc(), P.id.asc()).limit(limit))) {
      for (Row row : rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productId", row.get(P.id));
        m.put("name", row.get(P.name));
        m.put("sold", ((Number) row.get(sold)).longValue());
        m.put("buyers", ((Number) row.get(buyers)).longValue());
        out.add(m);
      }
    }
    return out;
  }

  static String status(String value) {
    if (!STATUSES.contains(value)) {
      throw ApiException.badRequest("status must be one of " + STATUSES + ", got '" + value + "'");
    }
    return value;
  }

  private static Order find(Session session, long id) {
    Order order = session.get(Order.class, id);
    if (order == null) {
      throw ApiException.notFound("order", id);
    }
    return order;
  }
}
