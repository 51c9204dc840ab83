package dev.quarry.sample.http;

import dev.quarry.engine.DatabaseException;
import dev.quarry.engine.IntegrityViolationException;
import dev.quarry.engine.LockTimeoutException;
import dev.quarry.engine.TransactionRollbackException;
import dev.quarry.orm.ScopedSession;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's routes on Javalin. Every handler runs in a session per request
 * ({@link ScopedSession#inRequest}): it commits when the handler returns and rolls back when it
 * throws. Results and failures are JSON: client errors are 4xx with a message; a database failure
 * is a 500 with a generic message, logged with its cause — never a stack trace to the client.
 */
public final class Endpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Endpoints.class);
  private static final int MAX_BODY = 1 << 20;
  private static final int MAX_ATTEMPTS = 5;
  private static final String JSON = "application/json; charset=utf-8";

  private final Javalin app;
  private final ScopedSession sessions;

  private Endpoints(Javalin app, ScopedSession sessions) {
    this.app = app;
    this.sessions = sessions;
  }

  /** A server (not yet started) with the routes that {@code routes} adds, each request in its own session. */
  public static Javalin create(ScopedSession sessions, Consumer<Endpoints> routes) {
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.prefer405over404 = true; // a known path with another method is a 405, not a 404
      config.http.maxRequestSize = MAX_BODY;
      config.router.ignoreTrailingSlashes = true;
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonBadMessages()));
    });
    app.exception(Exception.class, (e, ctx) -> fail(ctx, e));
    // Javalin answers its own (no such endpoint, method not allowed) only through a handler of this type
    app.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e));
    routes.accept(new Endpoints(app, sessions));
    return app;
  }

  /** Adds {@code GET path}; {@code path} may hold parameters ({@code {id}}). The handler returns the JSON value to send. */
  public Endpoints get(String path, Function<Request, Object> handler) {
    return route(HandlerType.GET, path, 200, handler);
  }

  /** Adds {@code POST path}, answering {@code status} (201 for creation). */
  public Endpoints post(String path, int status, Function<Request, Object> handler) {
    return route(HandlerType.POST, path, status, handler);
  }

  /** Adds {@code PUT path}. */
  public Endpoints put(String path, Function<Request, Object> handler) {
    return route(HandlerType.PUT, path, 200, handler);
  }

  /** Adds {@code DELETE path}, answering {@code status} (204 when the handler returns nothing). */
  public Endpoints delete(String path, int status, Function<Request, Object> handler) {
    return route(HandlerType.DELETE, path, status, handler);
  }

  private Endpoints route(HandlerType method, String path, int status, Function<Request, Object> handler) {
    app.addHttpHandler(method, path, ctx -> {
      Request request = Request.of(ctx);
      send(ctx, status, runWithRetries(() -> handler.apply(request)));
    });
    return this;
  }

  /**
   * Runs the handler in a session per request, again (in a new session) when the database reports
   * a transient conflict — a lock not granted in time (SQLite's single writer), a deadlock or a
   * serialization failure — and 503 when the conflict persists.
   */
  private Object runWithRetries(Supplier<Object> handler) {
    for (int attempt = 1; ; attempt++) {
      try {
        return sessions.inRequest(handler);
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

  private static void fail(Context ctx, Exception e) {
    if (e instanceof ApiException api) {
      send(ctx, api.status(), error(api.status(), api.getMessage()));
    } else if (e instanceof MethodNotAllowedResponse) {
      send(ctx, 405, error(405, ctx.method() + " is not allowed on " + ctx.path()));
    } else if (e instanceof HttpResponseException http) { // Javalin's: no such endpoint, body too large
      int status = http.getStatus();
      String message = status == 404 ? "no endpoint " + ctx.path() + "; GET / lists them"
          : status == 413 ? "the body is larger than " + MAX_BODY + " bytes"
          : HttpStatus.forStatus(status).getMessage();
      send(ctx, status, error(status, message));
    } else if (e instanceof IntegrityViolationException conflict) {
      send(ctx, 409, error(409, conflict(conflict)));
    } else if (e instanceof DatabaseException) {
      LOG.error("database failure on {} {}", ctx.method(), ctx.path(), e);
      send(ctx, 500, error(500, "database error; the request was rolled back and logged"));
    } else {
      LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
      send(ctx, 500, error(500, "internal error; logged on the server"));
    }
  }

  private static void send(Context ctx, int status, Object body) {
    ctx.status(status);
    if (status == 204) {
      ctx.res().setContentType(null); // no body, so no type (Javalin presets text/plain)
      return;
    }
    ctx.contentType(JSON); // so that Javalin, seeing a type, sets no default of its own later
    // Jetty rewrites a Content-Type it knows to "application/json;charset=utf-8"; the API has
    // always sent the spelling with a space, and clients compare it, so the field is set as is.
    if (ctx.res() instanceof org.eclipse.jetty.server.Response jetty) {
      jetty.getHttpFields().put("Content-Type", JSON);
    }
    ctx.result((JsonMapping.write(body) + "\n").getBytes(StandardCharsets.UTF_8));
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

  /** Jetty refuses a request it cannot parse (a bad %-escape in the path) before Javalin sees it: in JSON too. */
  private static final class JsonBadMessages extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put(HttpHeader.CONTENT_TYPE, JSON);
      boolean bare = reason == null || reason.equalsIgnoreCase(HttpStatus.forStatus(status).getMessage());
      String message = "malformed request" + (bare ? "" : ": " + reason);
      return BufferUtil.toBuffer(JsonMapping.write(error(status, message)) + "\n", StandardCharsets.UTF_8);
    }
  }
}
