package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The foreign-key column of a {@link ManyToOne} or owning {@link OneToOne}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface JoinColumn {
  /** Column name; defaults to {@code <property>_id}. */
  String name() default "";

  /** Referenced column of the target table; defaults to its primary key. */
  String referencedColumn() default "";

  /** Whether the column accepts NULL; defaults to the relationship's {@code optional}. */
  boolean nullable() default true;

  /** Foreign-key action on delete of the referenced row. */
  ForeignKeyAction onDelete() default ForeignKeyAction.DEFAULT;

  /** Foreign-key action on update of the referenced key. */
  ForeignKeyAction onUpdate() default ForeignKeyAction.DEFAULT;

  /** Whether to index the column; foreign keys are indexed by default. */
  boolean index() default true;

  /**
   * Name of the column's field in the generated metamodel; defaults to the property name followed by
   * {@code Id} ({@code QBook.book.authorId} for {@code Author author}), whatever the column is called.
   * Set it when that name is already taken, e.g. by a property called {@code authorId}.
   */
  String field() default "";
}
