package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An index over one or more columns, declared in {@link Table#indexes()}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Index {
  /** Index name; defaults to {@code ix_<table>_<col1>_<col2>} ({@code ux_} when unique). */
  String name() default "";

  /** Columns in index order, by column name or property name. */
  String[] columns();

  /** Whether the index enforces uniqueness. */
  boolean unique() default false;
}
