package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Table-level mapping of an {@link Entity}: name, schema, indexes and table constraints. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {
  /** Table name; defaults to the entity class name in snake case. */
  String name() default "";

  /** Schema (PostgreSQL schema, MySQL database); empty for the connection's default. */
  String schema() default "";

  /** Indexes, simple or composite, unique or not. Columns are named by column name or property name. */
  Index[] indexes() default {};

  /** Unique constraints over one or more columns. */
  UniqueConstraint[] uniqueConstraints() default {};

  /** Check constraints written in SQL. */
  Check[] checks() default {};
}
