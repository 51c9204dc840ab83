package dev.quarry.sample.http;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One HTTP request as the handlers see it: path variables, query parameters and a validated JSON body. */
public final class Request {
  private final String method;
  private final Map<String, String> pathVariables;
  private final Map<String, String> query;
  private final String body;
  private Map<String, Object> json;

  Request(String method, Map<String, String> pathVariables, String rawQuery, String body) {
    this.method = method;
    this.pathVariables = pathVariables;
    this.query = parseQuery(rawQuery);
    this.body = body;
  }

  /** A GET request with these query parameters ({@code "page=2&size=5"}), for calling handlers directly in tests. */
  public static Request get(String rawQuery) {
    return new Request("GET", Map.of(), rawQuery, null);
  }

  public String method() {
    return method;
  }

  /** The numeric id in the path ({@code /users/{id}}): 400 when it is not a positive number. */
  public long id() {
    String raw = pathVariables.get("id");
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest("id must be a positive whole number, got '" + raw + "'");
  }

  /** A path variable other than the id ({@code {role}} in {@code /users/{id}/roles/{role}}), decoded. */
  public String path(String name) {
    try {
      return URLDecoder.decode(pathVariables.get(name), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed path");
    }
  }

  /** A query parameter, or null when absent or empty. */
  public String query(String name) {
    String v = query.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /** A whole-number query parameter within [min, max]; {@code fallback} when absent; 400 otherwise. */
  public int queryInt(String name, int fallback, int min, int max) {
    Long v = queryLong(name, min, max);
    return v == null ? fallback : v.intValue();
  }

  /** A whole-number query parameter within [min, max], or null when absent; 400 otherwise. */
  public Long queryLong(String name, long min, long max) {
    String raw = query(name);
    if (raw == null) {
      return null;
    }
    long v;
    try {
      v = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("query parameter '" + name + "' must be a whole number, got '" + raw + "'");
    }
    if (v < min || v > max) {
      throw ApiException.badRequest("query parameter '" + name + "' must be between " + min + " and " + max
          + ", got " + v);
    }
    return v;
  }

  /**
   * The body as a JSON object whose members are all in {@code allowed}: 400 for an empty or
   * malformed body, a non-object, or an unknown member.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> body(Set<String> allowed) {
    if (json == null) {
      if (body == null || body.isBlank()) {
        throw ApiException.badRequest("a JSON object body is required");
      }
      Object parsed;
      try {
        parsed = Json.parse(body);
      } catch (Json.JsonException e) {
        throw ApiException.badRequest(e.getMessage());
      }
      if (!(parsed instanceof Map)) {
        throw ApiException.badRequest("the body must be a JSON object");
      }
      json = (Map<String, Object>) parsed;
    }
    for (String key : json.keySet()) {
      if (!allowed.contains(key)) {
        throw ApiException.badRequest("unknown field '" + key + "'; expected " + new TreeSet<>(allowed));
      }
    }
    return json;
  }

  /** A string member: 400 when required and missing, not a string, blank, or longer than {@code maxLength}. */
  public static String string(Map<String, Object> body, String field, boolean required, int maxLength) {
    Object v = body.get(field);
    if (v == null) {
      if (required) {
        throw ApiException.badRequest("field '" + field + "' is required");
      }
      return null;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw ApiException.badRequest("field '" + field + "' must be a non-empty string");
    }
    if (s.length() > maxLength) {
      throw ApiException.badRequest("field '" + field + "' must be at most " + maxLength + " characters");
    }
    return s;
  }

  /** A whole-number member within [min, max]: 400 when required and missing, or invalid. */
  public static Long number(Map<String, Object> body, String field, boolean required, long min, long max) {
    Object v = body.get(field);
    if (v == null) {
      if (required) {
        throw ApiException.badRequest("field '" + field + "' is required");
      }
      return null;
    }
    long n;
    try {
      n = ((BigDecimal) v).longValueExact();
    } catch (ClassCastException | ArithmeticException e) {
      throw ApiException.badRequest("field '" + field + "' must be a whole number");
    }
    if (n < min || n > max) {
      throw ApiException.badRequest("field '" + field + "' must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  /** A list member: 400 when required and missing or not an array. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(Map<String, Object> body, String field) {
    Object v = body.get(field);
    if (!(v instanceof List)) {
      throw ApiException.badRequest("field '" + field + "' must be a JSON array");
    }
    return (List<Object>) v;
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("malformed query string");
      }
    }
    return out;
  }
}
