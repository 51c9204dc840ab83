package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a mapped entity; the processor generates its metamodel, mapping and DAO.
 *
 * <p>The class needs an accessible no-argument constructor and, for every persistent property,
 * either a non-private field or a getter/setter pair. The table name defaults to the class name
 * in snake case ({@code OrderItem} → {@code order_item}); use {@link Table} to change it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Entity {
  /** Entity name used in messages and queries; defaults to the simple class name. */
  String name() default "";

  /** Whether the processor writes a {@code <Entity>Dao}; defaults to true. */
  boolean dao() default true;
}
