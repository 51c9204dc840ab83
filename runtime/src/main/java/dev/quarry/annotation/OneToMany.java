package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A collection of entities whose foreign key points at this entity. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface OneToMany {
  /** The {@link ManyToOne} property on the element type that owns the foreign key. */
  String mappedBy();

  /** Default loading strategy. */
  FetchType fetch() default FetchType.LAZY;

  /** Operations cascaded to the elements. */
  CascadeType[] cascade() default {CascadeType.SAVE_UPDATE, CascadeType.MERGE};

  /** Properties of the element type to order the collection by, e.g. {@code "createdAt DESC"}. */
  String orderBy() default "";
}
