package dev.quarry.sample.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.quarry.engine.DatabaseException;
import dev.quarry.engine.IntegrityViolationException;
import dev.quarry.engine.LockTimeoutException;
import dev.quarry.engine.TransactionRollbackException;
import dev.quarry.orm.ScopedSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests to handlers and turns results and failures into JSON responses. Every handler
 * runs in a session per request ({@link ScopedSession#inRequest}): it commits when the handler
 * returns and rolls back when it throws. Client errors are 4xx with a message; a database
 * failure is a 500 with a generic message, logged with its cause — never a stack trace to the client.
 */
public final class Router implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);
  private static final int MAX_BODY = 1 << 20;
  private static final int MAX_ATTEMPTS = 5;
  private static final Pattern VARIABLE = Pattern.compile("\\{([a-z]+)\\}");

  private final ScopedSession sessions;
  private final List<Route> routes = new ArrayList<>();

  public Router(ScopedSession sessions) {
    this.sessions = sessions;
  }

  /** Adds a route; {@code path} may contain variables ({@code {id}}, {@code {role}}). The handler returns the JSON value to send. */
  public Router route(String method, String path, Function<Request, Object> handler) {
    return route(method, path, 200, handler);
  }

  /** {@link #route(String, String, Function)} answering with {@code status} (201 for creation, 204 for deletion). */
  public Router route(String method, String path, int status, Function<Request, Object> handler) {
    List<String> names = new ArrayList<>();
    Matcher variable = VARIABLE.matcher(path);
    while (variable.find()) {
      names.add(variable.group(1));
    }
    String regex = "^" + VARIABLE.matcher(path).replaceAll("(?<$1>[^/]+)") + "/?$";
    routes.add(new Route(method, Pattern.compile(regex), List.copyOf(names), status, handler));
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    int status;
    Object body;
    try {
      Response r = dispatch(exchange);
      status = r.status;
      body = r.body;
    } catch (ApiException e) {
      status = e.status();
      body = error(status, e.getMessage());
    } catch (IntegrityViolationException e) {
      status = 409;
      body = error(409, conflict(e));
    } catch (DatabaseException e) {
      LOG.error("database failure on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      status = 500;
      body = error(500, "database error; the request was rolled back and logged");
    } catch (RuntimeException e) {
      LOG.error("unexpected failure on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      status = 500;
      body = error(500, "internal error; logged on the server");
    }
    send(exchange, status, body);
  }

  private Response dispatch(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher m = route.pattern.matcher(path);
      if (!m.matches()) {
        continue;
      }
      pathKnown = true;
      if (!route.method.equals(method)) {
        continue;
      }
      Map<String, String> vars = new LinkedHashMap<>();
      for (String name : route.variables) {
        vars.put(name, m.group(name));
      }
      Request request = new Request(method, vars, exchange.getRequestURI().getRawQuery(), readBody(exchange));
      return new Response(route.status, runWithRetries(route, request));
    }
    if (pathKnown) {
      throw new ApiException(405, method + " is not allowed on " + path);
    }
    throw new ApiException(404, "no endpoint " + path + "; GET / lists them");
  }

  /**
   * Runs the handler in a session per request, again (in a new session) when the database reports
   * a transient conflict — a lock not granted in time (SQLite's single writer), a deadlock or a
   * serialization failure — and 503 when the conflict persists.
   */
  private Object runWithRetries(Route route, Request request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return sessions.inRequest(() -> route.handler.apply(request));
      } catch (LockTimeoutException | TransactionRollbackException e) {
        if (attempt == MAX_ATTEMPTS) {
          LOG.warn("giving up after {} attempts: {}", attempt, e.getMessage());
          throw new ApiException(503, "the database is busy; retry the request");
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new ApiException(503, "interrupted while the database was busy; retry the request");
        }
      }
    }
  }

  private static String readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new ApiException(413, "the body is larger than " + MAX_BODY + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    try (exchange) {
      if (status == 204) {
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      byte[] bytes = (Json.write(body) + "\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** What a constraint violation means to the client: the kind and, when the driver says, the table and columns. */
  static String conflict(IntegrityViolationException e) {
    String kind = switch (e.getClass().getSimpleName()) {
      case "UniqueViolationException" -> "a unique value is already taken";
      case "ForeignKeyViolationException" -> "a referenced row is missing or still referenced";
      case "NotNullViolationException" -> "a required value is missing";
      case "CheckViolationException" -> "a value is out of the allowed range";
      default -> "the change conflicts with existing data";
    };
    String where = e.table() == null ? "" : " (" + e.table() + (e.columns() == null || e.columns().isEmpty() ? ""
        : "." + String.join(", ", e.columns())) + ")";
    return kind + where;
  }

  private static Map<String, Object> error(int status, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("error", message);
    return m;
  }

  private record Route(String method, Pattern pattern, List<String> variables, int status,
      Function<Request, Object> handler) {}

  private record Response(int status, Object body) {}
}
