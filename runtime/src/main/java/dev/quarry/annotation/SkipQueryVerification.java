package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link Query} method's SQL unchecked: for SQL the checker does not understand (vendor
 * functions, syntax of one database). The compiler reports a note for each such method, so an
 * unchecked query never goes unnoticed. Its parameters are bound by name at run time and its
 * result columns are read by label.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface SkipQueryVerification {
  /** Why the query cannot be checked (shown in the note). */
  String value() default "";
}
