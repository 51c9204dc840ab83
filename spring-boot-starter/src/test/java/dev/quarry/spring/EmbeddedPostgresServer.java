package dev.quarry.spring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One embedded PostgreSQL for the module's tests, started on first use and stopped at JVM exit. */
final class EmbeddedPostgresServer {
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  static synchronized String url() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
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
      }, "boot-postgres-shutdown"));
    }
    return server.getJdbcUrl("postgres", "postgres");
  }
}
