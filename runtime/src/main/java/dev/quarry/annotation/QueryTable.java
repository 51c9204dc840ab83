package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A table or view no entity maps, declared so that the {@code @Query} methods of the annotated DAO
 * interface (or of every type in the annotated package and its nested types) are checked against it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(QueryTables.class)
public @interface QueryTable {
  /** The table or view name as the database has it, {@code schema.name} when it is in a schema. */
  String name();

  /** Its columns, in the order the database lists them. */
  QueryColumn[] columns();
}
