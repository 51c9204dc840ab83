package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A collection linked through an association table (SQLAlchemy's {@code secondary=}). The owning
 * side declares {@link JoinTable}; the other side names the owner with {@link #mappedBy()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ManyToMany {
  /** On the inverse side: the owning {@code @ManyToMany} property of the other entity. */
  String mappedBy() default "";

  /** Default loading strategy. */
  FetchType fetch() default FetchType.LAZY;

  /** Operations cascaded to the elements. */
  CascadeType[] cascade() default {CascadeType.SAVE_UPDATE, CascadeType.MERGE};

  /** Properties of the element type to order the collection by. */
  String orderBy() default "";
}
