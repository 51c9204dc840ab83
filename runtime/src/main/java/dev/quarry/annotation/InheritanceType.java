package dev.quarry.annotation;

/** How an entity hierarchy is stored, see {@link Inheritance}. */
public enum InheritanceType {
  /**
   * One table for the whole hierarchy: its columns are the union of every class's columns, and a
   * discriminator column ({@link DiscriminatorColumn}) says which class each row is.
   */
  SINGLE_TABLE,
  /**
   * One table per class, joined on the primary key. Declared for forward compatibility: the
   * processor reports it as not supported yet.
   */
  JOINED
}
