package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query interface (or abstract class) whose implementation the processor writes:
 * {@code UserQueries} gets {@code UserQueries_Impl} in the same package, with a constructor taking
 * an {@code Engine} or {@code Connection} (any {@code Connectable}) and one taking a {@code Session}.
 *
 * <p>Each abstract method is either a derived finder, its query read from its name
 * ({@code findByEmail}, {@code findAllByAgeGreaterThanOrderByNameAsc}, {@code countByActiveTrue},
 * {@code existsByEmail}, {@code deleteByCreatedBefore}), or annotated with {@link Query}. Both are
 * checked at compile time against the entities' mappings.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Dao {
  /**
   * The entity that derived {@code countBy…}, {@code existsBy…} and {@code deleteBy…} methods are
   * about (finders take the entity from their return type). {@code void.class}: none declared.
   */
  Class<?> entity() default void.class;
}
