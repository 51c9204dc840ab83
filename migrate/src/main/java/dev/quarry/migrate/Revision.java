package dev.quarry.migrate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Migration} as a revision and places it in the revision graph (Alembic's
 * {@code revision}, {@code down_revision}, {@code branch_labels} and {@code depends_on}). The
 * processor checks the graph at compile time and writes the {@link RevisionSource} that lists
 * the compilation's revisions.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Revision {
  /** The revision's id: letters, digits and underscores, unique among all revisions. */
  String id();

  /** The revisions this one follows: none for a base, one usually, several for a merge. */
  String[] revises() default {};

  /** Names for the branch this revision starts or belongs to, usable as {@code label@head}. */
  String[] branchLabels() default {};

  /** Revisions (or branch labels) that must be applied before this one, without being its parents. */
  String[] dependsOn() default {};

  /** What the revision does, shown by {@code history}. */
  String message() default "";
}
