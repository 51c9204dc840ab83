package dev.quarry.spring;

import dev.quarry.spring.app.TestApplication;
import dev.quarry.testing.EmbeddedPostgresServer;
import dev.quarry.types.Vendor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter on an embedded PostgreSQL. */
@SpringBootTest(classes = TestApplication.class, properties = "spring.datasource.hikari.maximum-pool-size=4")
class PostgresStarterTest extends StarterContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    // one new database for the context: the supplier may be asked more than once
    String url = EmbeddedPostgresServer.jdbcUrl(EmbeddedPostgresServer.createDatabase());
    registry.add("spring.datasource.url", () -> url);
  }

  @Override
  Vendor vendor() {
    return Vendor.POSTGRESQL;
  }
}
