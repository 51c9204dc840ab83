package dev.quarry.sample.api;

import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.ScopedSession;
import dev.quarry.orm.Session;
import dev.quarry.sample.http.ApiException;
import dev.quarry.sample.http.Endpoints;
import dev.quarry.sample.http.Request;
import dev.quarry.sample.model.OrderItem;
import dev.quarry.sample.model.Product;
import dev.quarry.sample.model.QOrderItem;
import dev.quarry.sample.model.QProduct;
import java.util.Map;
import java.util.Set;

/** {@code /products}: list with search, price range, stock filter, sort and pagination; CRUD. */
final class ProductsApi {
  private static final Set<String> SORT_KEYS = Set.of("id", "name", "sku", "priceCents", "stock");
  private static final Set<String> FIELDS = Set.of("sku", "name", "priceCents", "stock");
  private static final long MAX_PRICE = 100_000_000L;
  private static final QProduct P = QProduct.product;

  private final ScopedSession sessions;

  ProductsApi(ScopedSession sessions) {
    this.sessions = sessions;
  }

  void register(Endpoints routes) {
    routes.get("/products", this::list)
        .post("/products", 201, this::create)
        .get("/products/{id}", r -> Views.product(find(sessions.current(), r.id())))
        .put("/products/{id}", this::update)
        .delete("/products/{id}", 204, this::delete);
  }

  private Object list(Request request) {
    EntityQuery<Product> query = sessions.current().select(Product.class).untracked(); // a page only reads
    String q = request.query("q");
    if (q != null) {
      query = query.where(P.name.containsIgnoreCase(q));
    }
    Long min = request.queryLong("minPrice", 0, MAX_PRICE);
    if (min != null) {
      query = query.where(P.priceCents.ge(min));
    }
    Long max = request.queryLong("maxPrice", 0, MAX_PRICE);
    if (max != null) {
      query = query.where(P.priceCents.le(max));
    }
    if ("true".equals(request.query("inStock"))) {
      query = query.where(P.stock.gt(0));
    }
    return Views.page(request, query, SORT_KEYS, "name", Views::product);
  }

  private Object create(Request request) {
    Map<String, Object> body = request.body(FIELDS);
    Product p = new Product();
    p.setSku(Request.string(body, "sku", true, 40));
    p.setName(Request.string(body, "name", true, 120));
    p.setPriceCents(Request.number(body, "priceCents", true, 0, MAX_PRICE));
    Long stock = Request.number(body, "stock", false, 0, 1_000_000);
    p.setStock(stock == null ? 0 : stock.intValue());
    Session session = sessions.current();
    session.add(p);
    session.flush();
    return Views.product(p);
  }

  private Object update(Request request) {
    Map<String, Object> body = request.body(FIELDS);
    Product p = find(sessions.current(), request.id());
    if (body.containsKey("sku")) {
      p.setSku(Request.string(body, "sku", true, 40));
    }
    if (body.containsKey("name")) {
      p.setName(Request.string(body, "name", true, 120));
    }
    if (body.containsKey("priceCents")) {
      p.setPriceCents(Request.number(body, "priceCents", true, 0, MAX_PRICE));
    }
    if (body.containsKey("stock")) {
      p.setStock(Request.number(body, "stock", true, 0, 1_000_000).intValue());
    }
    sessions.current().flush();
    return Views.product(p);
  }

  private Object delete(Request request) {
    Session session = sessions.current();
    Product p = find(session, request.id());
    if (session.select(OrderItem.class).where(QOrderItem.orderItem.productId.eq(p.getId())).exists()) {
      throw new ApiException(409, "product " + p.getId() + " is in orders; it cannot be deleted");
    }
    session.delete(p);
    return null;
  }

  static Product find(Session session, long id) {
    Product p = session.get(Product.class, id);
    if (p == null) {
      throw ApiException.notFound("product", id);
    }
    return p;
  }
}
