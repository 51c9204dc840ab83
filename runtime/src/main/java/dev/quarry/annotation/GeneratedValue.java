package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How the value of an {@link Id} property is generated. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface GeneratedValue {
  /** The generation strategy; IDENTITY by default. */
  GenerationType strategy() default GenerationType.IDENTITY;

  /** Sequence name for {@link GenerationType#SEQUENCE}; defaults to {@code <table>_seq}. */
  String sequence() default "";

  /**
   * Ids reserved per sequence call for {@link GenerationType#SEQUENCE} (pooled allocation:
   * the sequence increments by this much and the session hands out the block in memory).
   */
  int allocationSize() default 50;
}
