package dev.quarry.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails a {@link QuarryTest} method whose body sends a different number of statements than
 * {@link #value()} (set-up in {@code @BeforeEach} methods is not counted). Guards against N+1
 * regressions: a loop that loads one row per item fails with the list of statements sent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ExpectQueries {
  /** Exact number of statements (a JDBC batch counts once). */
  int value();
}
