package dev.quarry.sample.http;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * One request as the handlers see it: the path parameters Javalin matched, the query parameters
 * and the JSON body, with the API's validation rules (positive ids, bounded numbers, known body
 * fields) and their 400 messages.
 */
public final class Request {
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> queryParams;
  private final String body;
  private Map<String, Object> json;

  private Request(Map<String, String> pathParams, Map<String, List<String>> queryParams, String body) {
    this.pathParams = pathParams;
    this.queryParams = queryParams;
    this.body = body;
  }

  /** The request Javalin received; its body is read here, before the handler's transaction begins. */
  static Request of(Context ctx) {
    return new Request(ctx.pathParamMap(), decodeQuery(ctx.queryString()), ctx.body());
  }

  /** A GET request with these query parameters ({@code "page=2&size=5"}), for calling handlers directly in tests. */
  public static Request get(String rawQuery) {
    return new Request(Map.of(), decodeQuery(rawQuery), null);
  }

  /**
   * Jetty's decoder rather than Javalin's {@code queryParamMap()}, which silently drops a value
   * with a bad %-escape ({@code ?q=%zz} would list everything): here it is a 400.
   */
  private static Map<String, List<String>> decodeQuery(String raw) {
    MultiMap<String> query = new MultiMap<>();
    if (raw != null) {
      try {
        UrlEncoded.decodeUtf8To(raw, query);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("malformed query string");
      }
    }
    return query;
  }

  /** The numeric id in the path ({@code /users/{id}}): 400 when it is not a positive number. */
  public long id() {
    String raw = pathParams.get("id");
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

  /** A path parameter other than the id ({@code {role}} in {@code /users/{id}/roles/{role}}), decoded. */
  public String path(String name) {
    return pathParams.get(name);
  }

  /** A query parameter (the first, if repeated), or null when absent or empty. */
  public String query(String name) {
    List<String> values = queryParams.get(name);
    String v = values == null || values.isEmpty() ? null : values.get(0);
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
      if (!(JsonMapping.read(body) instanceof Map<?, ?> object)) {
        throw ApiException.badRequest("the body must be a JSON object");
      }
      json = (Map<String, Object>) object;
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

  /** A whole-number member within [min, max] ({@code 2} or {@code 2.0}): 400 when required and missing, or invalid. */
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
      // Jackson reads whole numbers as Integer, Long or BigInteger and fractions as BigDecimal
      n = new BigDecimal(((Number) v).toString()).longValueExact();
    } catch (ClassCastException | ArithmeticException e) {
      throw ApiException.badRequest("field '" + field + "' must be a whole number");
    }
    if (n < min || n > max) {
      throw ApiException.badRequest("field '" + field + "' must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  /** A list member: 400 when missing or not an array. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(Map<String, Object> body, String field) {
    Object v = body.get(field);
    if (!(v instanceof List)) {
      throw ApiException.badRequest("field '" + field + "' must be a JSON array");
    }
    return (List<Object>) v;
  }
}
