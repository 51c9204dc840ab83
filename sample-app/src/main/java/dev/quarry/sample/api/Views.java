package dev.quarry.sample.api;

import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.Page;
import dev.quarry.sample.http.ApiException;
import dev.quarry.sample.http.Request;
import dev.quarry.sample.model.Employee;
import dev.quarry.sample.model.Order;
import dev.quarry.sample.model.OrderItem;
import dev.quarry.sample.model.Product;
import dev.quarry.sample.model.User;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Entities to JSON documents, and the shared list conventions (pagination, sort keys). References
 * are written as ids ({@code userId}, {@code managerId}); reading one goes through the
 * relationship, so the queries behind these views load it (JOINED) or already hold the related
 * object in the session — a LAZY reference would cost one SELECT per row.
 */
final class Views {
  static final int MAX_PAGE_SIZE = 100;

  private Views() {}

  static Map<String, Object> user(User u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.getId());
    m.put("email", u.getEmail());
    m.put("name", u.getName());
    return m;
  }

  static Map<String, Object> product(Product p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.getId());
    m.put("sku", p.getSku());
    m.put("name", p.getName());
    m.put("priceCents", p.getPriceCents());
    m.put("stock", p.getStock());
    return m;
  }

  static Map<String, Object> order(Order o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.getId());
    m.put("userId", o.getUser() == null ? null : o.getUser().getId());
    m.put("status", o.getStatus());
    m.put("placedOn", o.getPlacedOn());
    m.put("totalCents", o.getTotalCents());
    return m;
  }

  static Map<String, Object> item(OrderItem i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.getId());
    m.put("productId", i.getProduct().getId());
    m.put("quantity", i.getQuantity());
    m.put("unitPriceCents", i.getUnitPriceCents());
    return m;
  }

  static Map<String, Object> employee(Employee e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.getId());
    m.put("name", e.getName());
    m.put("title", e.getTitle());
    m.put("managerId", e.getManager() == null ? null : e.getManager().getId());
    return m;
  }

  /** An employee inside another one's document: no manager id, so the manager's manager need not be loaded. */
  static Map<String, Object> employeeRef(Employee e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.getId());
    m.put("name", e.getName());
    m.put("title", e.getTitle());
    return m;
  }

  /**
   * The page the request asks for ({@code page} from 1, {@code size} 1–100, {@code sort} one of
   * {@code sortKeys}, optionally prefixed with '-'), as a JSON document; 400 beyond the last page.
   */
  static <E> Map<String, Object> page(Request request, EntityQuery<E> query, Set<String> sortKeys, String defaultSort,
      Function<E, Map<String, Object>> view) {
    int page = request.queryInt("page", 1, 1, Integer.MAX_VALUE);
    int size = request.queryInt("size", 20, 1, MAX_PAGE_SIZE);
    String sort = request.query("sort") == null ? defaultSort : request.query("sort");
    String key = sort.startsWith("-") ? sort.substring(1) : sort;
    if (!sortKeys.contains(key)) {
      throw ApiException.badRequest("sort must be one of " + sortKeys + " (prefix '-' for descending), got '"
          + sort + "'");
    }
    // String sort keys resolve against column names (price_cents), not Java properties (priceCents):
    // the API speaks properties, so translate with the processor's default column naming.
    String column = sort.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    Page<E> result = (key.equals("id") ? query.orderBy(column) : query.orderBy(column, "id")).page(page, size);
    if (page > 1 && page > result.totalPages()) {
      throw ApiException.badRequest("page " + page + " is beyond the last page (" + result.totalPages() + ")");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", result.items().stream().map(view).toList());
    m.put("page", result.page());
    m.put("size", result.size());
    m.put("total", result.total());
    m.put("totalPages", result.totalPages());
    return m;
  }
}
