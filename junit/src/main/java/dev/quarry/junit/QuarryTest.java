package dev.quarry.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a database prepared by {@link QuarryExtension}: the schema of
 * {@link #entities()} (every mapped entity when empty) is created once for the class, and each
 * test runs inside a transaction that is rolled back afterwards, even when the test commits.
 *
 * <pre>{@code
 * @QuarryTest(entities = {User.class, Order.class})
 * class OrderTest {
 *   @Test
 *   void placesAnOrder(Session session, QueryCounter queries) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(QuarryExtension.class)
public @interface QuarryTest {
  /** The database; the system property {@code quarry.test.database} (sqlite, h2, postgresql) overrides it. */
  TestDatabase database() default TestDatabase.SQLITE;

  /** Entity classes whose tables are created (with their foreign-key order); empty means every mapped entity. */
  Class<?>[] entities() default {};
}
