package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column options of a persistent property. Every non-transient property is a column even
 * without this annotation; the column name defaults to the property name in snake case.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Column {
  /** Column name; defaults to the property name in snake case. */
  String name() default "";

  /**
   * Whether the column accepts NULL. Primitive properties and ids are always NOT NULL; for other
   * properties this defaults to true.
   */
  boolean nullable() default true;

  /** Whether the column has its own unique constraint. */
  boolean unique() default false;

  /** Whether to create a single-column index on it (and a {@code findBy} finder on the DAO). */
  boolean index() default false;

  /** Length of character and binary columns; 0 means the type's default (VARCHAR(255) for strings). */
  int length() default 0;

  /** Precision of DECIMAL columns; 0 means the type's default. */
  int precision() default 0;

  /** Scale of DECIMAL columns. */
  int scale() default 0;

  /** SQL text used as the column's DEFAULT in DDL (SQLAlchemy's {@code server_default}), e.g. {@code "CURRENT_TIMESTAMP"}. */
  String serverDefault() default "";

  /** Whether INSERT statements write this column; false for database-computed columns. */
  boolean insertable() default true;

  /** Whether UPDATE statements write this column. */
  boolean updatable() default true;

  /**
   * For date and time properties on SQLite, which stores them as text: the
   * {@link java.time.format.DateTimeFormatter} pattern values are written and read in (SQLAlchemy's
   * {@code storage_format}), for existing data in another form than the default
   * {@code 2024-05-01 13:45:00} (fraction only when not zero). Other databases ignore it; the
   * processor checks that the pattern can hold the property's values.
   */
  String storageFormat() default "";
}
