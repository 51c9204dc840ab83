package dev.quarry.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Engine;
import dev.quarry.types.Vendor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which database a class gets: the annotation, overridden by {@code -Dquarry.test.database}. */
@QuarryTest(database = TestDatabase.H2, entities = Author.class)
class DatabaseChoiceTest {
  private final String saved = System.getProperty(QuarryExtension.DATABASE_PROPERTY);

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(QuarryExtension.DATABASE_PROPERTY);
    } else {
      System.setProperty(QuarryExtension.DATABASE_PROPERTY, saved);
    }
  }

  @Test
  void theEngineIsOnTheAnnotatedDatabase(Engine engine) {
    if (saved == null) {
      assertEquals(Vendor.H2, engine.vendor());
    }
  }

  @Test
  void theSystemPropertyOverridesTheAnnotation() {
    QuarryTest config = DatabaseChoiceTest.class.getAnnotation(QuarryTest.class);
    System.clearProperty(QuarryExtension.DATABASE_PROPERTY);
    assertEquals(TestDatabase.H2, QuarryExtension.database(config));
    System.setProperty(QuarryExtension.DATABASE_PROPERTY, " PostgreSQL ");
    assertEquals(TestDatabase.POSTGRESQL, QuarryExtension.database(config));
    System.setProperty(QuarryExtension.DATABASE_PROPERTY, "oracle");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuarryExtension.database(config));
    assertTrue(e.getMessage().contains("use sqlite, h2 or postgresql"), e.getMessage());
  }
}
