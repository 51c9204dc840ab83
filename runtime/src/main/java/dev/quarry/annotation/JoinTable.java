package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The association table of the owning side of a {@link ManyToMany}. The owner's metamodel holds it as
 * a typed table: {@code QBook.TAGS_TABLE}, a {@code QBook.TagsTable} whose columns {@code bookId} and
 * {@code tagId} are named after the two entities.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface JoinTable {
  /** Table name, e.g. {@code user_roles}. */
  String name();

  /** Column referencing this entity; defaults to {@code <this_table>_id}. */
  String joinColumn() default "";

  /** Column referencing the element entity; defaults to {@code <element_table>_id}. */
  String inverseJoinColumn() default "";

  /** Foreign-key action on both columns when a referenced row is deleted. */
  ForeignKeyAction onDelete() default ForeignKeyAction.CASCADE;
}
