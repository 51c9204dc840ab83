package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A reference to another entity held by a foreign-key column of this table. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ManyToOne {
  /** Default loading strategy; LAZY loads through the generated subclass on first access. */
  FetchType fetch() default FetchType.LAZY;

  /** Whether the reference may be null (the foreign-key column's nullability). */
  boolean optional() default true;

  /** Operations cascaded to the referenced object. */
  CascadeType[] cascade() default {CascadeType.SAVE_UPDATE, CascadeType.MERGE};

  /** Name of the collection or reference on the other side kept in sync in memory (SQLAlchemy's {@code back_populates}). */
  String backPopulates() default "";
}
