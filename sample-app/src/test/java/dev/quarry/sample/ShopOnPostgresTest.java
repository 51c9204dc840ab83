package dev.quarry.sample;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every endpoint on a real PostgreSQL (embedded, started for this class), reached by JDBC URL as in production. */
class ShopOnPostgresTest extends ShopContract {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startOnPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().setOutputRedirector(ProcessBuilder.Redirect.DISCARD).start();
    start(postgres.getJdbcUrl("postgres", "postgres"));
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    stop();
    postgres.close();
  }
}
