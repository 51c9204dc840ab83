package dev.quarry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Engine;
import dev.quarry.types.SqlTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The shared test support itself: one fresh database per invocation, closed afterwards. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AllDatabasesTest {
  private static final List<TestDatabase> SEEN = new ArrayList<>();
  private static final List<Engine> ENGINES = new ArrayList<>();

  @Order(1)
  @AllDatabases
  void runsOncePerDatabaseWithAFreshDatabase(TestDatabase db) {
    SEEN.add(db);
    ENGINES.add(db.engine());
    db.execute("CREATE TABLE fresh (id INTEGER)"); // would fail if the database were shared
    assertEquals(0L, db.engine().<Long>withConnection(c -> c.execute(RawSql.of("SELECT COUNT(*) FROM fresh"))
        .scalar(SqlTypes.BIGINT)));
  }

  @Order(2)
  @Test
  void everyDatabaseWasClosedAfterItsInvocation() {
    assertEquals(TestDatabase.enabledKinds(), SEEN.stream().map(TestDatabase::kind).toList());
    for (Engine engine : ENGINES) {
      assertTrue(engine.isClosed(), engine.toString());
    }
    for (TestDatabase db : SEEN) {
      if (db.kind() == TestDatabase.Kind.SQLITE) {
        assertFalse(Files.exists(Path.of(db.jdbcUrl().substring("jdbc:sqlite:".length()))), "temporary file deleted");
      }
    }
  }

  @Order(3)
  @AllDatabases(TestDatabase.Kind.H2)
  void kindsCanBeLimited(TestDatabase db) {
    assertEquals(TestDatabase.Kind.H2, db.kind());
    assertEquals("H2", db.toString());
  }

  @Test
  void rawSqlVariesByVendorAndIsImmutable() {
    RawSql base = RawSql.of("SELECT ?", 1);
    RawSql pg = base.on(dev.quarry.types.Vendor.POSTGRESQL, "SELECT ?::int");
    assertEquals("SELECT ?", base.compile(dev.quarry.types.Vendor.POSTGRESQL).sql());
    assertEquals("SELECT ?::int", pg.compile(dev.quarry.types.Vendor.POSTGRESQL).sql());
    assertEquals("SELECT ?", pg.compile(dev.quarry.types.Vendor.H2).sql());
    assertEquals(1, base.bind("x", 2).compile(dev.quarry.types.Vendor.H2).parameters().size() - 1);
    assertThrows(IllegalArgumentException.class, () -> TestDatabase.Kind.valueOf("ORACLE"));
  }
}
