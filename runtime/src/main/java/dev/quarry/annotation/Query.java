package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The SQL a method of a {@link Dao} interface runs, with {@code :name} parameters named after the
 * method's parameters: {@code @Query("SELECT * FROM users WHERE age > :minAge")}. The processor
 * checks it against the entities' tables for every dialect of the {@code quarry.dialects} option
 * (tables, columns, parameter types, the result's columns against the return type) and reports
 * what is wrong as a compile error on this annotation; {@link SkipQueryVerification} turns the
 * check off for one method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Query {
  /** The SQL: a SELECT, or an INSERT, UPDATE or DELETE (optionally with RETURNING). */
  String value();
}
