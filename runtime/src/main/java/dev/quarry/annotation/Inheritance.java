package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the root of an entity hierarchy: entities that extend this one are stored with it and
 * a query of this class returns instances of the right subclasses. Put it on the topmost
 * {@code @Entity} only; subclasses are {@code @Entity} classes extending it (directly or through
 * other entities) and name themselves with {@link DiscriminatorValue}.
 *
 * <p>See {@code docs/mapping-inheritance.md}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Inheritance {
  /** The storage strategy; {@link InheritanceType#SINGLE_TABLE} by default. */
  InheritanceType strategy() default InheritanceType.SINGLE_TABLE;
}
