package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A single related entity (SQLAlchemy's {@code uselist=False}). The owning side holds a unique
 * foreign key; the other side names it with {@link #mappedBy()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface OneToOne {
  /** On the inverse side: the owning {@code @OneToOne} property of the other entity. */
  String mappedBy() default "";

  /** Default loading strategy. */
  FetchType fetch() default FetchType.LAZY;

  /** Whether the reference may be null. */
  boolean optional() default true;

  /** Operations cascaded to the related object. */
  CascadeType[] cascade() default {CascadeType.SAVE_UPDATE, CascadeType.MERGE};
}
