package dev.quarry.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.migrate.Migrator;
import dev.quarry.migrate.RevisionInfo;
import dev.quarry.sample.http.Json;
import dev.quarry.schema.SchemaChanges;
import dev.quarry.sql.Sql;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the shop on a random port over a fresh database and calls every endpoint over HTTP with
 * {@link HttpClient}; subclasses choose the database (SQLite file, H2, embedded PostgreSQL).
 */
abstract class ShopContract {
  private static Shop shop;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static void start(String jdbcUrl) {
    shop = Shop.start(jdbcUrl, 0);
    assertTrue(shop.seeded());
  }

  @Test
  void theMigrationsArriveAtTheEntitiesSchema() {
    Migrator migrator = Shop.migrator(shop.engine());
    assertEquals(migrator.revisions().heads().stream().map(RevisionInfo::id).toList(),
        migrator.current());
    SchemaChanges.Diff diff = migrator.check();
    assertTrue(diff.isEmpty(), () -> "the migrated schema differs from the entities: " + diff.changes());
  }

  @AfterAll
  static void stop() {
    if (shop != null) {
      shop.close();
      shop = null;
    }
  }

  record Reply(int status, Object json) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
      return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items() {
      return (List<Map<String, Object>>) map().get("items");
    }

    Object get(String key) {
      return map().get(key);
    }

    String error() {
      return (String) map().get("error");
    }
  }

  static Reply call(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(shop.baseUrl() + path))
        .header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 204) {
      assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(null));
    }
    return new Reply(r.statusCode(), r.body().isEmpty() ? null : Json.parse(r.body()));
  }

  static Reply get(String path) throws IOException, InterruptedException {
    return call("GET", path, null);
  }

  static long num(Object v) {
    return ((Number) v).longValue();
  }

  @Test
  void index() throws Exception {
    Reply r = get("/");
    assertEquals(200, r.status());
    assertFalse(((List<?>) r.get("endpoints")).isEmpty());
  }

  @Test
  void users() throws Exception {
    Reply list = get("/users?size=2&page=2&sort=name");
    assertEquals(200, list.status());
    assertEquals(List.of("Cleo Carter", "Dan Dale"), list.items().stream().map(u -> u.get("name")).toList());
    assertEquals(3L, num(list.get("totalPages")));
    assertEquals(List.of("ann@example.com"), get("/users?role=admin").items().stream().map(u -> u.get("email")).toList());
    assertEquals(1L, num(get("/users?q=BAKER").get("total")));

    Reply ann = get("/users/1");
    assertEquals(List.of("admin", "customer"), ann.get("roles"));
    assertEquals("Lyon", ann.get("city"));

    Reply created = call("POST", "/users",
        "{\"email\": \"zoe@example.com\", \"name\": \"Zoe\", \"city\": \"Riga\", \"roles\": [\"support\"]}");
    assertEquals(201, created.status(), String.valueOf(created.json()));
    long id = num(created.get("id"));
    assertEquals(List.of("support"), created.get("roles"));
    assertEquals("Riga", created.get("city")); // the profile created in the same session, through User.profile
    Reply updated = call("PUT", "/users/" + id, "{\"name\": \"Zoe Z\", \"roles\": [\"customer\", \"admin\"]}");
    assertEquals(200, updated.status());
    assertEquals("Zoe Z", updated.get("name"));
    assertEquals(List.of("admin", "customer"), updated.get("roles"));
    assertEquals("Riga", updated.get("city"));
    Reply duplicate = call("POST", "/users", "{\"email\": \"zoe@example.com\", \"name\": \"Dup\"}");
    assertEquals(409, duplicate.status());
    assertTrue(duplicate.error().startsWith("a unique value is already taken"), duplicate.error());
    assertEquals(204, call("DELETE", "/users/" + id, null).status());
    assertEquals(404, get("/users/" + id).status());
    Reply hasOrders = call("DELETE", "/users/1", null);
    assertEquals(409, hasOrders.status());
    assertTrue(hasOrders.error().contains("has 2 orders"), hasOrders.error());
    assertEquals(3, ((List<?>) get("/roles").json()).size());
  }

  @Test
  void ordersOfAUserThroughTheDynamicRelationship() throws Exception {
    Reply all = get("/users/1/orders?sort=placedOn");
    assertEquals(200, all.status());
    assertEquals(2L, num(all.get("total")));
    assertEquals(List.of(1L, 1L), all.items().stream().map(o -> num(o.get("userId"))).toList());
    assertEquals(List.of("SHIPPED", "PAID"), all.items().stream().map(o -> o.get("status")).toList());
    Reply shipped = get("/users/1/orders?status=SHIPPED");
    assertEquals(1L, num(shipped.get("total")));
    Reply second = get("/users/1/orders?sort=placedOn&size=1&page=2");
    assertEquals("PAID", second.items().get(0).get("status"));
    assertEquals(2L, num(second.get("totalPages")));
    assertEquals(0L, num(get("/users/1/orders?status=NEW").get("total")));
    assertEquals(2L, num(get("/users/1").get("orders")), "the detail counts them through the same relationship");
    assertError(404, "user 999 does not exist", get("/users/999/orders"));
    assertError(400, "status must be one of", get("/users/1/orders?status=LOST"));
    assertError(400, "page 3 is beyond the last page (2)", get("/users/1/orders?size=1&page=3"));
    assertError(400, "sort must be one of", get("/users/1/orders?sort=email"));
  }

  @Test
  void rolesAreGrantedAndRevokedThroughTheCollection() throws Exception {
    Reply granted = call("PUT", "/users/3/roles/support", null);
    assertEquals(200, granted.status(), String.valueOf(granted.json()));
    assertEquals(List.of("customer", "support"), granted.get("roles"));
    assertEquals(List.of("customer", "support"), call("PUT", "/users/3/roles/support", null).get("roles"),
        "granting twice changes nothing");
    assertEquals(List.of("customer", "support"), get("/users/3").get("roles"));
    assertEquals(List.of("cleo@example.com"), get("/users?role=support").items().stream().map(u -> u.get("email"))
        .toList());
    Reply revoked = call("DELETE", "/users/3/roles/customer", null);
    assertEquals(List.of("support"), revoked.get("roles"));
    assertEquals(List.of("support"), get("/users/3").get("roles"));
    assertEquals(List.of("support"), call("DELETE", "/users/3/roles/admin", null).get("roles"), "not held: no-op");
    assertEquals(List.of("customer", "support"), call("PUT", "/users/3/roles/customer", null).get("roles"));
    assertEquals(List.of("customer"), call("DELETE", "/users/3/roles/support", null).get("roles"));
    assertError(404, "role owner does not exist", call("PUT", "/users/3/roles/owner", null));
    assertError(404, "user 999 does not exist", call("PUT", "/users/999/roles/admin", null));
    assertError(400, "id must be a positive whole number", call("DELETE", "/users/x/roles/admin", null));
    assertError(405, "GET is not allowed", get("/users/3/roles/admin"));
  }

  @Test
  void products() throws Exception {
    Reply list = get("/products?sort=-priceCents&size=2");
    assertEquals(List.of("POT-01", "KTL-01"), list.items().stream().map(p -> p.get("sku")).toList());
    assertEquals(2L, num(get("/products?minPrice=800&maxPrice=1500").get("total")));
    assertEquals(5L, num(get("/products?inStock=true").get("total")));
    assertEquals("Stoneware mug", get("/products/1").get("name"));

    Reply created = call("POST", "/products", "{\"sku\": \"BWL-01\", \"name\": \"Rice bowl\", \"priceCents\": 950}");
    assertEquals(201, created.status());
    long id = num(created.get("id"));
    assertEquals(0L, num(created.get("stock")));
    assertEquals(12L, num(call("PUT", "/products/" + id, "{\"stock\": 12}").get("stock")));
    assertEquals(204, call("DELETE", "/products/" + id, null).status());
    assertEquals(409, call("DELETE", "/products/1", null).status(), "a product in orders stays");
  }

  @Test
  void orders() throws Exception {
    Reply byUser = get("/orders?userId=1&sort=placedOn");
    assertEquals(2L, num(byUser.get("total")));
    assertEquals(1L, num(get("/orders?status=CANCELLED").get("total")));
    Reply one = get("/orders/1");
    assertEquals(2, ((List<?>) one.get("items")).size());

    long stockBefore = num(get("/products/5").get("stock"));
    Reply placed = call("POST", "/orders",
        "{\"userId\": 2, \"items\": [{\"productId\": 5, \"quantity\": 2}, {\"productId\": 4, \"quantity\": 1}]}");
    assertEquals(201, placed.status(), String.valueOf(placed.json()));
    assertEquals(3900L * 2 + 300, num(placed.get("totalCents")));
    assertEquals(stockBefore - 2, num(get("/products/5").get("stock")));
    long id = num(placed.get("id"));
    assertEquals("PAID", call("PUT", "/orders/" + id, "{\"status\": \"PAID\"}").get("status"));

    Reply noStock = call("POST", "/orders", "{\"userId\": 2, \"items\": [{\"productId\": 6, \"quantity\": 1}]}");
    assertEquals(409, noStock.status());
    assertEquals(stockBefore - 2, num(get("/products/5").get("stock")), "the failed request changed nothing");
    assertEquals(400, call("POST", "/orders", "{\"userId\": 99, \"items\": [{\"productId\": 1, \"quantity\": 1}]}")
        .status());
    assertEquals(400, call("PUT", "/orders/" + id, "{\"status\": \"LOST\"}").status());
    assertEquals(204, call("DELETE", "/orders/" + id, null).status());
    assertEquals(404, get("/orders/" + id).status());

    List<?> top = (List<?>) get("/reports/top-products?limit=2").json();
    assertEquals(2, top.size());
  }

  @Test
  void concurrentOrdersNeverOversell() throws Exception {
    long id = num(call("POST", "/products", "{\"sku\": \"LTD-01\", \"name\": \"Limited cup\", \"priceCents\": 100, "
        + "\"stock\": 8}").get("id"));
    String order = "{\"userId\": 2, \"items\": [{\"productId\": " + id + ", \"quantity\": 1}]}";
    List<java.util.concurrent.Callable<Integer>> buyers = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      buyers.add(() -> call("POST", "/orders", order).status());
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var f : pool.invokeAll(buyers)) {
        statuses.add(f.get());
      }
      assertEquals(8, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
      assertEquals(4, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0L, num(get("/products/" + id).get("stock")));
  }

  @Test
  void employees() throws Exception {
    Reply alan = get("/employees/2");
    assertEquals("Grace Hopper", ((Map<?, ?>) alan.get("manager")).get("name"));
    assertEquals(2, ((List<?>) alan.get("reports")).size());
    assertEquals(1, ((List<?>) alan.get("peers")).size());
    assertEquals(List.of("Barbara Liskov", "Ken Thompson"),
        ((List<?>) alan.get("reports")).stream().map(r -> ((Map<?, ?>) r).get("name")).toList());
    assertEquals("Ada Lovelace", ((Map<?, ?>) ((List<?>) alan.get("peers")).get(0)).get("name"));
    assertEquals(List.of(), get("/employees/1").get("peers"));
    assertEquals(null, get("/employees/1").get("manager"));
    Reply chain = get("/employees/4/chain");
    assertEquals(200, chain.status());
    assertEquals(List.of("Alan Kay", "Grace Hopper"),
        ((List<?>) chain.json()).stream().map(e -> ((Map<?, ?>) e).get("name")).toList());
    assertEquals(List.of(), get("/employees/1/chain").json());
    assertError(404, "employee 999 does not exist", get("/employees/999/chain"));
    assertError(404, "employee 999 does not exist", get("/employees/999"));
    assertEquals(List.of(1L, 1L, 2L, 2L), get("/employees?sort=id").items().stream().skip(1)
        .map(e -> num(e.get("managerId"))).toList());
    assertEquals(1L, num(get("/employees?top=true").get("total")));
    assertEquals(2L, num(get("/employees?managerId=2").get("total")));

    Reply created = call("POST", "/employees", "{\"name\": \"Linus\", \"title\": \"Packer\", \"managerId\": 4}");
    assertEquals(201, created.status());
    long id = num(created.get("id"));
    assertEquals(2L, num(call("PUT", "/employees/" + id, "{\"managerId\": 2}").get("managerId")));
    Reply cycle = call("PUT", "/employees/1", "{\"managerId\": " + id + "}");
    assertEquals(400, cycle.status());
    assertTrue(cycle.error().contains("cycle"), cycle.error());
    assertError(400, "field 'managerId': an employee cannot manage themselves",
        call("PUT", "/employees/2", "{\"managerId\": 2}"));
    assertError(400, "field 'managerId': employee 999 does not exist",
        call("POST", "/employees", "{\"name\": \"X\", \"title\": \"Y\", \"managerId\": 999}"));
    assertEquals(List.of("Alan Kay", "Grace Hopper"), ((List<?>) get("/employees/" + id + "/chain").json()).stream()
        .map(e -> ((Map<?, ?>) e).get("name")).toList());
    assertEquals(409, call("DELETE", "/employees/2", null).status());
    assertEquals(204, call("DELETE", "/employees/" + id, null).status());
  }

  @Test
  void clientErrorsAreJsonWithAMessage() throws Exception {
    assertError(404, "user 999 does not exist", get("/users/999"));
    assertError(400, "id must be a positive whole number, got 'abc'", get("/users/abc"));
    assertError(400, "malformed JSON at character 9: expected ':'", call("POST", "/users", "{\"email\" \"x\"}"));
    assertError(400, "a JSON object body is required", call("POST", "/products", ""));
    assertError(400, "the body must be a JSON object", call("POST", "/products", "[1]"));
    assertError(400, "unknown field 'colour'; expected [name, priceCents, sku, stock]",
        call("PUT", "/products/1", "{\"colour\": \"red\"}"));
    assertError(400, "field 'priceCents' must be a whole number", call("PUT", "/products/1", "{\"priceCents\": 1.5}"));
    assertError(400, "field 'email' must look like name@host, got 'nope'",
        call("POST", "/users", "{\"email\": \"nope\", \"name\": \"N\"}"));
    assertError(400, "page 50 is beyond the last page (1)", get("/products?page=50"));
    assertError(400, "query parameter 'page' must be between 1 and 2147483647, got 0", get("/products?page=0"));
    assertError(400, "query parameter 'size' must be between 1 and 100, got 1000", get("/users?size=1000"));
    assertError(400, "sort must be one of", get("/users?sort=password"));
    assertError(404, "no endpoint /nothing; GET / lists them", get("/nothing"));
    assertError(405, "PATCH is not allowed on /users/1", call("PATCH", "/users/1", "{}"));
  }

  @Test
  void aDatabaseFailureIsA500WithoutDetails() throws Exception {
    shop.engine().useConnection(c -> c.executeUpdate(Sql.text("ALTER TABLE roles RENAME TO roles_gone")));
    try {
      Reply r = get("/roles");
      assertEquals(500, r.status());
      assertEquals("database error; the request was rolled back and logged", r.error());
    } finally {
      shop.engine().useConnection(c -> c.executeUpdate(Sql.text("ALTER TABLE roles_gone RENAME TO roles")));
    }
    assertEquals(200, get("/roles").status());
  }

  private static void assertError(int status, String messageStart, Reply reply) {
    assertEquals(status, reply.status(), String.valueOf(reply.json()));
    assertNotNull(reply.error());
    assertTrue(reply.error().startsWith(messageStart), reply.error());
    assertEquals((long) status, num(reply.get("status")));
    assertFalse(reply.error().contains("Exception"), reply.error());
  }
}
