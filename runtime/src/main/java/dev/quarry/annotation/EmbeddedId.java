package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The primary key of an entity as one {@link Embeddable} value: each component is a key column
 * (named {@code prefix + column}, no prefix by default). {@code findById} and
 * {@code Session.get} take the embeddable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface EmbeddedId {
  /** Prefix of the key columns; empty by default. */
  String prefix() default "";
}
