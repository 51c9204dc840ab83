package dev.quarry.sample.api;

import dev.quarry.orm.ScopedSession;
import dev.quarry.sample.http.Endpoints;
import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every endpoint of the shop on one Javalin server. */
public final class ShopApi {
  private ShopApi() {}

  /** A server (not yet started) for the whole API, each request in its own session from {@code sessions}. */
  public static Javalin server(ScopedSession sessions) {
    return Endpoints.create(sessions, routes -> {
      new UsersApi(sessions).register(routes);
      new ProductsApi(sessions).register(routes);
      new OrdersApi(sessions).register(routes);
      new EmployeesApi(sessions).register(routes);
      routes.get("/", r -> index());
    });
  }

  private static Map<String, Object> index() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "Quarry sample shop");
    m.put("endpoints", List.of(
        "GET /users?q=&role=&sort=&page=&size=", "POST /users", "GET|PUT|DELETE /users/{id}",
        "GET /users/{id}/orders?status=&sort=&page=&size=", "PUT|DELETE /users/{id}/roles/{role}", "GET /roles",
        "GET /products?q=&minPrice=&maxPrice=&inStock=true&sort=&page=&size=", "POST /products",
        "GET|PUT|DELETE /products/{id}",
        "GET /orders?userId=&status=&sort=&page=&size=", "POST /orders", "GET|PUT|DELETE /orders/{id}",
        "GET /employees?managerId=&top=true&sort=&page=&size=", "POST /employees", "GET|PUT|DELETE /employees/{id}",
        "GET /employees/{id}/chain",
        "GET /reports/top-products?limit="));
    return m;
  }
}
