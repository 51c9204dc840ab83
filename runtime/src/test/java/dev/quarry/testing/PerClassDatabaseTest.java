package dev.quarry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.types.SqlTypes;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.Parameter;

/**
 * One database per test class and vendor: the whole class runs once per database, its tests
 * sharing it (faster than a database per test when the tests only read fixtures).
 */
@EachDatabase
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassDatabaseTest {
  @Parameter
  TestDatabase db;

  @Order(1)
  @Test
  void createsFixtures() {
    db.execute("CREATE TABLE shared (id INTEGER)", "INSERT INTO shared VALUES (1)");
  }

  @Order(2)
  @Test
  void laterTestsSeeThem() {
    assertEquals(1L, db.engine().<Long>withConnection(c -> c.execute(RawSql.of("SELECT COUNT(*) FROM shared"))
        .scalar(SqlTypes.BIGINT)));
  }
}
