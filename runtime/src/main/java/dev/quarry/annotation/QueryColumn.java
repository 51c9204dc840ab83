package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A column of a {@link QueryTable}: its name, the Java type its values read as, and whether it may be NULL. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface QueryColumn {
  /** The column name as the database has it. */
  String name();

  /** The Java type values read as: a type an entity property can have without a converter, or an enum. */
  Class<?> type();

  /** Whether the column may hold NULL. */
  boolean nullable() default true;
}
