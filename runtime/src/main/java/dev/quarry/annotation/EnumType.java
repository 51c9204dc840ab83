package dev.quarry.annotation;

/** Storage of enum values. */
public enum EnumType {
  /** The constant's {@code name()} in a VARCHAR column: robust against reordering. */
  STRING,
  /** The constant's {@code ordinal()} in an INTEGER column: compact, breaks if constants are reordered. */
  ORDINAL
}
