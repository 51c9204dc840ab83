package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A unique constraint over one or more columns (SQLAlchemy's composite {@code UniqueConstraint}). */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface UniqueConstraint {
  /** Constraint name; defaults to {@code uq_<table>_<col1>_<col2>}. */
  String name() default "";

  /** Columns, by column name or property name. */
  String[] columns();
}
