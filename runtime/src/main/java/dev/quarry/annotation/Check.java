package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A check constraint. The expression is SQL written by the developer at compile time; it is
 * schema text, never built from runtime values.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Check {
  /** Constraint name; defaults to {@code ck_<table>_<n>}. */
  String name() default "";

  /** The boolean SQL expression, e.g. {@code "age >= 0"}. */
  String value();
}
